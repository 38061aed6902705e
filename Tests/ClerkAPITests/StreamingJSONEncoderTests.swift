import ClerkAPI
import Foundation
import Testing

@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    private func streamed(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder().encodeToString(value)
    }

    private func foundation(_ value: some Encodable) throws -> String {
        String(decoding: try WireCoding.encoder.encode(value), as: UTF8.self)
    }

    @Test("a realistic user encodes to the same JSON as Foundation's encoder, and decodes back")
    func matchesFoundationForUsers() throws {
        for fixture in [Fixtures.user, Fixtures.sparseUser] {
            let user = try WireCoding.decoder.decode(User.self, from: Data(fixture.utf8))
            let text = try streamed(user)
            #expect(try JSONValue.parse(text) == JSONValue.parse(foundation(user)))
            #expect(try WireCoding.decoder.decode(User.self, from: Data(text.utf8)) == user)
        }
    }

    @Test("other models match Foundation's encoder")
    func matchesFoundationForOtherModels() throws {
        let entry = try WireCoding.decoder.decode(CreditLedgerEntry.self, from: Data(Fixtures.ledgerEntry.utf8))
        #expect(try JSONValue.parse(streamed(entry)) == JSONValue.parse(foundation(entry)))
        let error = try WireCoding.decoder.decode(ClerkErrorBody.self, from: Data(Fixtures.clerkError.utf8))
        #expect(try JSONValue.parse(streamed(error)) == JSONValue.parse(foundation(error)))
    }

    @Test("strings are escaped exactly as Foundation escapes them", arguments: [
        "plain", "quote \" and backslash \\", "slash / stays", "line\nbreak\r\ttab", "\u{1B}]0;title\u{07}", "\u{0}\u{1F}\u{8}\u{C}",
        "Zoë 佐藤 مرحبا \u{202E}rtl", "🧪 emoji", "",
    ])
    func escapesStrings(_ text: String) throws {
        #expect(try streamed([text]) == foundation([text]))
        #expect(try JSONValue.parse(streamed(["key \(text)": text])) == .object(["key \(text)": .string(text)]))
    }

    @Test("numbers: integers at their limits, doubles as Foundation writes them, non-finite refused")
    func encodesNumbers() throws {
        #expect(try streamed([Int64.max, Int64.min, 0]) == foundation([Int64.max, Int64.min, 0]))
        #expect(try streamed([UInt64.max]) == foundation([UInt64.max]))
        let doubles = [0.5, 2.0, -3.25, 1e-7, 1.5e300]
        #expect(try JSONValue.parse(streamed(doubles)) == JSONValue.parse(foundation(doubles)))
        #expect(try streamed([2.0]) == "[2]")
        #expect(throws: EncodingError.self) { try streamed([Double.nan]) }
        #expect(throws: EncodingError.self) { try streamed([Double.infinity]) }
    }

    @Test("metadata of every JSON kind round-trips")
    func roundTripsMetadata() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", true, .null, [:], []], "nested": ["deep": ["deeper": "yes"]], "empty": ""]
        #expect(try JSONValue.parse(streamed(value)) == value)
    }

    @Test("a value that encodes nothing is an empty object; optional fields absent are omitted")
    func encodesEmptyValues() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Optionals: Encodable { var present: Int? = 1; var absent: Int? }
        #expect(try streamed(Nothing()) == "{}")
        #expect(try streamed(Optionals()) == #"{"present":1}"#)
    }

    @Test("nested containers and super encoders, which cannot stream, still encode correctly")
    func fallsBackForNestedContainers() throws {
        struct Nested: Encodable {
            enum Keys: String, CodingKey { case outer, list, tail }
            enum Inner: String, CodingKey { case value }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var inner = container.nestedContainer(keyedBy: Inner.self, forKey: .outer)
                try inner.encode("in", forKey: .value)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try list.encode(1)
                try container.encode("after", forKey: .tail)
            }
        }
        #expect(try JSONValue.parse(streamed(Nested())) == ["outer": ["value": "in"], "list": [1], "tail": "after"])
    }

    @Test("URL, Data, Decimal and Float are written as Foundation's encoder writes them, nested or alone")
    func foundationSpecialCases() throws {
        struct Record: Encodable {
            var url = URL(string: "https://img.clerk.com/a/b?x=1&y=é")
            var data = Data([0, 1, 2, 250, 251, 252])
            var amount = Decimal(string: "1234.5678")
            var small = Decimal(string: "-0.001")
            var ratio: Float = 0.1
            var links = [URL(string: "file:///tmp/x"), nil]
        }
        let ours = try streamed(Record())
        let theirs = try foundation(Record())
        #expect(try JSONValue.parse(ours) == JSONValue.parse(theirs), "ours: \(ours)\nFoundation: \(theirs)")
        #expect(ours.contains(#""https://img.clerk.com/a/b?x=1&y=%C3%A9""#), "\(ours)")
        #expect(try streamed(URL(string: "https://api.clerk.com/v1")) == #""https://api.clerk.com/v1""#)
        #expect(try streamed([Data("hi".utf8)]) == #"["aGk="]"#)
        #expect(try streamed([Decimal(string: "0.30")]) == "[0.3]")
        #expect(try streamed([Float(0.1)]) == "[0.1]")
        #expect(throws: EncodingError.self) { try streamed([Decimal.nan]) }
    }
}
