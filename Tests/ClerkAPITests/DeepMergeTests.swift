import ClerkAPI
import Testing

@Suite("Deep merge and diff")
struct DeepMergeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var base: JSONValue
        var patch: JSONValue
        var expected: JSONValue
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nested objects merge", base: ["a": ["x": 1, "y": 2]], patch: ["a": ["y": 3, "z": 4]],
             expected: ["a": ["x": 1, "y": 3, "z": 4]]),
        Case(name: "null deletes a nested key", base: ["a": ["x": 1, "y": ["deep": true]]], patch: ["a": ["y": nil]],
             expected: ["a": ["x": 1]]),
        Case(name: "null deletes at depth three", base: ["a": ["b": ["c": 1, "d": 2]]], patch: ["a": ["b": ["c": nil]]],
             expected: ["a": ["b": ["d": 2]]]),
        Case(name: "arrays are replaced, not merged", base: ["list": [1, 2, 3]], patch: ["list": [4]], expected: ["list": [4]]),
        Case(name: "null on a missing key changes nothing", base: ["a": 1], patch: ["ghost": nil, "b": ["ghost": nil]],
             expected: ["a": 1, "b": [:]]),
        Case(name: "object replaces a string", base: ["a": "text"], patch: ["a": ["k": "v", "gone": nil]], expected: ["a": ["k": "v"]]),
        Case(name: "string replaces an object", base: ["a": ["k": "v"]], patch: ["a": "text"], expected: ["a": "text"]),
        Case(name: "empty patch keeps everything", base: ["a": ["b": [1]]], patch: [:], expected: ["a": ["b": [1]]]),
        Case(name: "top-level null deletes", base: ["a": 1, "b": 2], patch: ["a": nil], expected: ["b": 2]),
        Case(name: "numbers keep their kind", base: ["n": 1], patch: ["m": 2.5, "n": 3], expected: ["n": 3, "m": 2.5]),
        Case(name: "Clerk's own conformance example",
             base: ["tier": "gold", "list": [1, 2], "nested": ["keep": 1, "drop": "x", "deep": ["a": 1]]],
             patch: ["nested": ["drop": nil, "added": ["k": "v"], "deep": ["b": 2]], "new_top": true, "list": [3]],
             expected: ["tier": "gold", "list": [3], "new_top": true, "nested": ["keep": 1, "added": ["k": "v"], "deep": ["a": 1, "b": 2]]]),
    ]

    @Test("merge", arguments: cases)
    func merge(_ testCase: Case) {
        #expect(testCase.base.deepMerged(with: testCase.patch) == testCase.expected)
    }

    @Test("diff reports added, changed and removed paths in order")
    func diff() {
        let before: JSONValue = ["plan": "free", "limits": ["seats": 1, "ai": true], "tags": ["a"], "old": 1]
        let after = before.deepMerged(with: ["plan": "pro", "limits": ["seats": 5, "ai": nil, "sso": true], "tags": ["a", "b"], "old": nil])
        let changes = before.changes(to: after)
        #expect(changes.map(\.pathText) == ["limits.ai", "limits.seats", "limits.sso", "old", "plan", "tags"])
        #expect(changes[0].kind == .removed(true))
        #expect(changes[1].kind == .changed(from: 1, to: 5))
        #expect(changes[2].kind == .added(true))
        #expect(changes[5].kind == .changed(from: ["a"], to: ["a", "b"]))
    }

    @Test("no changes between equal documents; a type change is one change")
    func diffEdgeCases() {
        let value: JSONValue = ["a": ["b": 1]]
        #expect(value.changes(to: value).isEmpty)
        let changes = value.changes(to: ["a": "flat"])
        #expect(changes == [JSONChange(path: [.key("a")], kind: .changed(from: ["b": 1], to: "flat"))])
    }
}

@Suite("JSON text")
struct JSONTextTests {
    @Test("parses every kind of value, keeping integers integral")
    func parses() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2.5e2, true, false, null], "s": "é\u00e9\n\ud83d\ude00", "big": 9007199254740993} "#)
        #expect(value == ["a": [1, -250.0, true, false, nil], "s": "éé\n😀", "big": .int(9_007_199_254_740_993)])
    }

    @Test("errors carry line and column", arguments: [
        ("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7, "expected ':'"),
        ("{\"a\": [1, 2,]}", 1, 13, "expected a value"),
        ("{\"a\": tru}", 1, 7, "expected 'true'"),
        ("[1] x", 1, 5, "after the end"),
        ("{\"a\": \"line\nbreak\"}", 1, 12, "control character"),
        ("", 1, 1, "end of the text"),
        ("{'a': 1}", 1, 2, "quoted key"),
        // Positions count Characters, as the editor does: a family emoji (seven scalars), an emoji
        // with a skin tone (two) and a letter with combining accents are one column each.
        ("{\"👨‍👩‍👧‍👦\": x}", 1, 7, "expected a value"),
        ("{\"cafe\u{301}\": tru}", 1, 10, "expected 'true'"),
        ("[1,\n \"🧪👍🏽\", x]", 2, 8, "expected a value"),
        ("[\"e\u{301}\u{301}\"] !", 1, 7, "after the end"),
        // A combining accent on its own joins the space before it: the cursor goes on that pair.
        ("\"🧪\" \u{301}", 1, 4, "after the end"),
    ])
    func errorPositions(text: String, line: Int, column: Int, reason: String) {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test("pretty text is stable and sorted")
    func prettyText() {
        let value: JSONValue = ["b": 1, "a": ["y": true, "x": nil]]
        #expect(value.jsonText() == #"{"a":{"x":null,"y":true},"b":1}"#)
        #expect(value.jsonText(pretty: true).contains("\n"))
    }
}
