import ClerkAPI
import ClerkSandbox
import Foundation
import Testing

@Suite("Client ↔ sandbox: users")
struct UserLifecycleTests {
    static let fixture = SandboxFixture()

    @Test("create, get, update, delete")
    func lifecycle() async throws {
        let users = try await Self.fixture.client().users
        let suffix = Unique.suffix()
        let created = try await users.makeUser(suffix)
        #expect(created.id.hasPrefix("user_"))
        #expect(created.primaryEmailAddress?.emailAddress == "it.\(suffix)@example.com")
        #expect(created.primaryEmailAddress?.verification?.isVerified == true)
        #expect(created.passwordEnabled)
        #expect(try await users.get(created.id) == created)

        var update = UpdateUserRequest()
        update.firstName = .set("Renamed")
        update.username = .clear
        let updated = try await users.update(created.id, update)
        #expect(updated.firstName == "Renamed")
        #expect(updated.username == nil)
        #expect(updated.updatedAt >= created.updatedAt)

        let deleted = try await users.delete(created.id)
        #expect(deleted.deleted && deleted.id == created.id && deleted.object == "user")
        await #expect(throws: ClerkAPIError.self) { try await users.get(created.id) }
    }

    @Test("list and count agree on every filter")
    func filters() async throws {
        let users = try await Self.fixture.client().users
        let suffix = Unique.suffix()
        let a = try await users.makeUser("\(suffix)a")
        let b = try await users.makeUser("\(suffix)b")
        func check(_ configure: (inout UserFilter) -> Void, expect ids: Set<String>, line: Int = #line) async throws {
            var filter = UserFilter()
            filter.query = suffix
            configure(&filter)
            let listed = try await users.list(UserListQuery(filter: filter, limit: 100))
            #expect(Set(listed.map(\.id)) == ids, "list, line \(line)")
            #expect(try await users.count(filter) == ids.count, "count, line \(line)")
        }
        try await check({ _ in }, expect: [a.id, b.id])
        try await check({ $0.emailAddress = ["IT.\(suffix)A@example.com"] }, expect: [a.id])
        try await check({ $0.userID = [.exclude(a.id)] }, expect: [b.id])
        try await check({ $0.userID = [.include(b.id)] }, expect: [b.id])
        try await check({ $0.nameQuery = "ITA\(suffix.uppercased())B" }, expect: [b.id])
        try await check({ $0.emailAddressQuery = "\(suffix)a@" }, expect: [a.id])
        try await check({ $0.usernameQuery = "IT_\(suffix)" }, expect: [a.id, b.id])
        try await check({ $0.banned = true }, expect: [])
        try await check({ $0.createdAtAfter = max(a.createdAt, b.createdAt) + 60_000 }, expect: [])
        try await check({ $0.username = ["it_\(suffix)b"] }, expect: [b.id])
        // Short text below the trigram size still matches, by scan.
        var short = UserFilter()
        short.userID = [.include(a.id), .include(b.id)]
        short.nameQuery = "ta"
        #expect(try await users.count(short) == 2)
    }

    @Test("ordering both ways and cursor pagination")
    func orderingAndCursor() async throws {
        let users = try await Self.fixture.client().users
        let suffix = Unique.suffix()
        var made: [User] = []
        for letter in ["c", "a", "b"] { made.append(try await users.makeUser("\(suffix)\(letter)")) }
        var filter = UserFilter()
        filter.query = suffix
        let byUsername = try await users.list(UserListQuery(filter: filter, order: UserOrder(.username, .ascending), limit: 10))
        #expect(byUsername.compactMap(\.username) == ["it_\(suffix)a", "it_\(suffix)b", "it_\(suffix)c"])
        let newest = try await users.list(UserListQuery(filter: filter, order: .newestFirst, limit: 10))
        #expect(newest.map(\.id) == made.reversed().map(\.id))
        let page1 = try await users.list(UserListQuery(filter: filter, limit: 2))
        let page2 = try await users.list(UserListQuery(filter: filter, limit: 2, startingAfter: page1.last?.id))
        #expect((page1 + page2).map(\.id) == newest.map(\.id))
        var walked: [String] = []
        for try await user in users.all(matching: filter, pageSize: 1) { walked.append(user.id) }
        #expect(walked == newest.map(\.id))
    }

    @Test("the sandbox refuses what Clerk refuses, and changes nothing")
    func refusals() async throws {
        let server = try await Self.fixture.running()
        let base = server.baseURL
        func raw(_ method: String, _ path: String, body: String? = nil, key: String? = SandboxFixture.key) async throws -> (Int, ClerkErrorBody?) {
            let verb = HTTPMethod(rawValue: method) ?? .get
            let response = try await rawRequest(base, verb, path, body: body, key: key)
            return (response.status, response.error)
        }
        let before = try await raw("GET", "/users/count").0
        #expect(before == 200)
        let cases: [(String, String, String?, Int, String)] = [
            ("GET", "/users?limit=0", nil, 422, "form_param_value_invalid"),
            ("GET", "/users?limit=501", nil, 422, "form_param_value_invalid"),
            ("GET", "/users?order_by=-shoe_size", nil, 422, "form_param_value_invalid"),
            ("GET", "/users?order_by=first_name&starting_after=user_x", nil, 422, "form_param_value_invalid"),
            ("GET", "/users?banned=maybe", nil, 422, "form_param_value_invalid"),
            ("POST", "/users", "{not json", 400, "malformed_request_body"),
            ("POST", "/users", #"{"email_address":["x@example.com"],"public_metadata":[1]}"#, 422, "form_param_value_invalid"),
            ("POST", "/users", #"{"email_address":["not-an-email"]}"#, 422, "form_param_format_invalid"),
            ("PATCH", "/users/user_missing", #"{"first_name":"x"}"#, 404, "resource_not_found"),
            ("POST", "/users/ban", #"{"user_ids":[\#((0...50).map { "\"user_\($0)\"" }.joined(separator: ","))]}"#, 422, "form_param_value_invalid"),
            ("POST", "/users/ban", #"{"user_ids":[]}"#, 422, "form_param_value_invalid"),
        ]
        for (method, path, body, status, code) in cases {
            let (actual, error) = try await raw(method, path, body: body)
            #expect(actual == status, "\(method) \(path)")
            #expect(error?.errors.first?.code == code, "\(method) \(path)")
            #expect(error?.clerkTraceID?.isEmpty == false)
        }
        #expect(try await raw("GET", "/users", key: nil).0 == 401)
        #expect(try await raw("GET", "/users", key: "sk_test_wrong").0 == 401)
    }

    @Test("metadata sent to PATCH /users is refused in 2026-05-12")
    func metadataNotOnUserPatch() async throws {
        let server = try await Self.fixture.running()
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        let response = try await rawRequest(server.baseURL, .patch, "/users/\(user.id)", body: #"{"public_metadata":{"x":1}}"#)
        #expect(response.status == 422)
        #expect(response.error?.errors.first?.code == "form_param_unknown")
        #expect(try await users.get(user.id).publicMetadata == user.publicMetadata)
    }

    @Test("an API error reaches the operator with long_message and trace id")
    func apiErrorShape() async throws {
        let users = try await Self.fixture.client().users
        do {
            _ = try await users.get("user_does_not_exist")
            Issue.record("expected 404")
        } catch {
            guard case .api(let failure) = error else { Issue.record("wrong error \(error)"); return }
            #expect(failure.status == 404)
            #expect(failure.errors.first?.longMessage == "No user was found with id user_does_not_exist.")
            #expect(failure.traceID?.hasPrefix("sandbox-") == true)
        }
    }

    @Test("duplicate identifiers are refused")
    func duplicates() async throws {
        let users = try await Self.fixture.client().users
        let suffix = Unique.suffix()
        _ = try await users.makeUser(suffix)
        var again = CreateUserRequest()
        again.emailAddress = ["IT.\(suffix)@example.com"]
        do {
            _ = try await users.create(again)
            Issue.record("expected a conflict")
        } catch {
            guard case .api(let failure) = error else { Issue.record("wrong error"); return }
            #expect(failure.codes == ["form_identifier_exists"])
        }
    }
}
