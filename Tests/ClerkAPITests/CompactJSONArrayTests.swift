@testable import ClerkAPI
import Foundation
import Testing

@Suite("Users passed on as Clerk's bytes")
struct CompactJSONArrayTests {
    private func lines(_ text: String) throws -> [String] {
        let array = try CompactJSONArray(Data(text.utf8))
        return (0..<array.count).map { String(decoding: array[$0], as: UTF8.self) }
    }

    @Test("each element on one line, whitespace between tokens gone, strings kept byte for byte")
    func compacts() throws {
        let text = """
            [
              {"id": "user_1", "name": "a  b\\n\\"c\\" ] } ,", "tags": [1, 2, {"x": null}]},
              {"id":"user_2","名前":"王芳 🙂"} , "text", 12.5e3, true, null, []
            ]
            """
        #expect(try lines(text) == [
            #"{"id":"user_1","name":"a  b\n\"c\" ] } ,","tags":[1,2,{"x":null}]}"#,
            #"{"id":"user_2","名前":"王芳 🙂"}"#, #""text""#, "12.5e3", "true", "null", "[]",
        ])
        #expect(try lines("[]").isEmpty && lines(" [ ] \n").isEmpty)
    }

    @Test("what is not one JSON array is refused, with where", arguments: [
        "{\"id\":1}", "[1,,2]", "[,]", "[{\"a\":1}", "[1] x", "[1}]", "",
    ])
    func refuses(_ text: String) {
        #expect(throws: CompactJSONArray.Malformed.self) { try CompactJSONArray(Data(text.utf8)) }
    }

    @Test("the same users as decoding them, for a pretty-printed page of realistic users")
    func sameUsers() throws {
        let users = try [Fixtures.user, Fixtures.sparseUser].map { try WireCoding.decoder.decode(User.self, from: Data($0.utf8)) }
        let body = Data(("[\n" + [Fixtures.user, Fixtures.sparseUser].joined(separator: ",\n") + "\n]").utf8)
        let array = try CompactJSONArray(body)
        let decoded = try (0..<array.count).map { try WireCoding.decoder.decode(User.self, from: Data(array[$0])) }
        #expect(decoded == users)
        #expect(!array.bytes.contains(0x0A), "one line each")
    }
}
