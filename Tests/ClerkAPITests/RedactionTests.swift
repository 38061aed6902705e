import ClerkAPI
import Foundation
import Synchronization
import Testing

/// What a deliberately failing expectation printed, caught by the issue handler below.
private let renderedFailures = Mutex<[String]>([])
private let deliberate = "deliberate failure to see how Swift Testing prints a request"

@Suite("The key is masked in every printed form of a request")
struct RedactionTests {
    private let key = ClientFactory.key

    /// The request exactly as the client puts it on the wire.
    private func wireRequest() async throws -> TransportRequest {
        let transport = RecordingTransport(fallback: { _ in .json(200, Fixtures.user) })
        _ = try await ClientFactory.make(transport: transport).users.get("user_1")
        let request = try #require(transport.requests.first)
        try #require(request.header("Authorization").map(key.occurs(in:)) == true, "the request carries the key")
        return request
    }

    @Test("description and debugDescription mask it")
    func descriptions() async throws {
        let request = try await wireRequest()
        let header = try #require(request.headers.first { $0.name == "Authorization" })
        for text in ["\(request)", String(reflecting: request), "\(header)", String(reflecting: header), "\(request.headers)"] {
            #expect(!key.occurs(in: text), "\(text)")
            #expect(text.contains("Bearer sk_test_…6789"), "\(text)")
        }
    }

    @Test("dump and Mirror show the masked value")
    func reflection() async throws {
        let request = try await wireRequest()
        var dumped = ""
        dump(request, to: &dumped)
        #expect(!key.occurs(in: dumped), "\(dumped)")
        #expect(dumped.contains("Bearer sk_test_…6789"))
        var children: [String] = []
        func walk(_ value: Any) {
            for child in Mirror(reflecting: value).children {
                children.append(String(describing: child.value))
                walk(child.value)
            }
        }
        walk(request)
        #expect(children.contains("Bearer sk_test_…6789"))
        #expect(!children.contains { key.occurs(in: $0) })
    }

    @Test("a failed expectation on requests prints them masked", .compactMapIssues { issue in
        let text = String(describing: issue)
        guard text.contains(deliberate) else { return issue }
        renderedFailures.withLock { $0.append(text) }
        return nil
    })
    func testFailureOutput() async throws {
        let request = try await wireRequest()
        var other = request
        other.url += "?changed"
        #expect(request == other, "\(deliberate)")
        #expect(String(describingForTest: request).contains("Bearer sk_test_…6789"))
        let rendered = renderedFailures.withLock { $0 }.joined(separator: "\n")
        #expect(rendered.contains("Bearer sk_test_…6789"), "the deliberate failure was seen: \(rendered)")
        #expect(!key.occurs(in: rendered), "\(rendered)")
        #expect(!key.occurs(in: String(describingForTest: request)))
    }

    @Test("headers that are not credentials print as they are; cookies are masked too")
    func otherHeaders() {
        #expect("\(HTTPHeader("Clerk-API-Version", "2026-05-12"))" == "Clerk-API-Version: 2026-05-12")
        #expect(!"\(HTTPHeader("Cookie", "__session=abcdefghijklmnop"))".contains("abcdefghijkl"))
        #expect(!"\(HTTPHeader("authorization", "Bearer sk_live_abcdefghijklmnop1234"))".contains("abcdefghijklmnop"))
    }
}
