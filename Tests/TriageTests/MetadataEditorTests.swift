import ClerkAPI
import ClerkActions
import Terminal
import Testing
@testable import Triage

@Suite("Metadata editor")
struct MetadataEditorTests {
    static func opened(width: Int = 120, height: Int = 40) -> TriageModel {
        var model = Fake.loaded(total: 3, width: width, height: height)
        var user = Fake.user(0)
        user.publicMetadata = ["tier": "silver", "legacy": true, "flags": ["alpha": true]]
        user.updatedAt += 1
        model.users.put(user)
        _ = model.press(.enter, .character("4"), .character("e"))
        return model
    }

    static func type(_ text: String, _ model: inout TriageModel) {
        _ = TriageUpdate.update(&model, .key(.paste(text)))
    }

    static func replaceText(_ text: String, _ model: inout TriageModel) {
        guard case .metadata(var editor) = model.screen else { Issue.record("not in the expected state"); return }
        editor.editor = TextEditor(text)
        model.screen = .metadata(editor)
    }

    @Test("a merge patch previews the result and the change list on every keystroke")
    func mergePreview() {
        var model = Self.opened()
        guard case .metadata(let editor) = model.screen else { Issue.record("the editor did not open"); return }
        #expect(editor.field == .public && editor.mode == .merge && editor.editor.text == "{}")
        #expect(model.screenText.contains("Nothing would change."))
        Self.replaceText(#"{"flags":{"beta":true},"legacy":null,"tier":"gold"}"#, &model)
        let screen = model.screenText
        #expect(screen.contains("+ flags.beta: true"))
        #expect(screen.contains("- legacy"))
        #expect(screen.contains(#"~ tier: "silver" → "gold""#))
        #expect(screen.contains("After sending"))
    }

    @Test("invalid JSON shows line, column and a caret, jumps there, and cannot be sent")
    func invalidJSON() {
        var model = Self.opened()
        Self.replaceText("{\n  \"plan\": pro\n}", &model)
        let rows = TriageView.render(model).rows
        let error = rows.firstIndex { $0.contains("invalid JSON at line 2, column 11") }
        #expect(error != nil)
        if let error { #expect(rows[error + 2].contains("^")) }
        #expect(model.press(.control("s")).isEmpty)
        #expect(model.status?.text.contains("cannot send") == true)
        _ = model.press(.control("g"))
        guard case .metadata(let editor) = model.screen else { Issue.record("not in the expected state"); return }
        #expect(editor.editor.cursor == TextEditor.Position(line: 1, column: 10))
    }

    @Test("a patch that is not an object, or nothing to change, is refused with the reason")
    func refusals() {
        var model = Self.opened()
        Self.replaceText("[1, 2]", &model)
        #expect(model.screenText.contains("A patch must be a JSON object"))
        Self.replaceText(#"{"tier":"silver"}"#, &model)
        #expect(model.screenText.contains("Nothing would change."))
        _ = model.press(.control("s"))
        #expect(model.status?.text == "nothing would change: there is nothing to send")
    }

    @Test("send: confirm with Tab then Enter, re-read, then queued as a PATCH of exactly the patch")
    func send() throws {
        var model = Self.opened()
        Self.replaceText(#"{"flags":{"beta":true},"legacy":null}"#, &model)
        _ = model.press(.control("s"))
        #expect(model.screenText.contains("Send public metadata") && model.screenText.contains("+ flags.beta: true"))
        #expect(model.press(.enter).isEmpty, "Enter on Cancel sends nothing")
        _ = model.press(.control("s"), .tab)
        #expect(model.press(.enter) == [.checkMetadata("user_0")])
        let fresh = try #require(model.users["user_0"])
        let effects = TriageUpdate.update(&model, .metadataChecked(id: "user_0", .success(fresh)))
        guard case .enqueue(let command)? = effects.first, case .mergeMetadata(let update) = command.action else {
            Issue.record("no metadata command: \(effects)"); return
        }
        #expect(update.publicMetadata == ["flags": ["beta": true], "legacy": .null])
        guard case .detail = model.screen else { Issue.record("did not return to the user"); return }
    }

    @Test("changed behind the console's back: the preview is recomputed and the operator asked again")
    func concurrentChange() throws {
        var model = Self.opened()
        Self.replaceText(#"{"tier":"gold"}"#, &model)
        _ = model.press(.control("s"), .tab, .enter)
        var changed = try #require(model.users["user_0"])
        changed.publicMetadata = ["tier": "bronze", "legacy": true, "flags": ["alpha": true], "seats": 5]
        changed.updatedAt += 1
        #expect(TriageUpdate.update(&model, .metadataChecked(id: "user_0", .success(changed))).isEmpty, "nothing is sent")
        let screen = model.screenText
        #expect(screen.contains("Someone else changed it meanwhile"))
        #expect(screen.contains("+ seats: 5"))
        #expect(screen.contains(#"~ tier: "bronze" → "gold""#))
        guard case .metadata(let editor) = model.screen, case .confirming(false) = editor.sending else { Issue.record("not asking again"); return }
        _ = model.press(.tab)
        #expect(model.press(.enter) == [.checkMetadata("user_0")])
        let effects = TriageUpdate.update(&model, .metadataChecked(id: "user_0", .success(changed)))
        #expect(effects.contains { if case .enqueue = $0 { true } else { false } })
    }

    @Test("replace mode starts from the current value; Esc with unsent changes asks first")
    func replaceAndDiscard() {
        var model = Self.opened()
        _ = model.press(.control("o"))
        guard case .metadata(let editor) = model.screen else { Issue.record("not in the expected state"); return }
        #expect(editor.mode == .replace && editor.editor.text.contains("\"tier\""))
        Self.type(" ", &model)
        _ = model.press(.escape)
        #expect(model.screenText.contains("discard what you typed"))
        _ = model.press(.character("d"))
        guard case .detail = model.screen else { Issue.record("still editing"); return }
        #expect(model.status?.text == "discarded the unsent metadata changes")
    }

    @Test("the editor and preview as full frames, side by side at 120×40 and stacked at 80×24")
    func frames() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            var model = Self.opened(width: size.width, height: size.height)
            Self.replaceText("{\n  \"flags\": {\"beta\": true},\n  \"tier\": gold\n}", &model)
            try SnapshotTests.frame("metadata-error", model)
            Self.replaceText("{\n  \"flags\": {\"beta\": true},\n  \"legacy\": null\n}", &model)
            try SnapshotTests.frame("metadata-preview", model)
        }
    }

    static func moveCursor(_ line: Int, _ column: Int, _ model: inout TriageModel) {
        guard case .metadata(var editor) = model.screen else { Issue.record("not in the expected state"); return }
        editor.editor.moveCursor(to: TextEditor.Position(line: line, column: column))
        model.screen = .metadata(editor)
    }

    static func text(_ model: TriageModel) -> String {
        guard case .metadata(let editor) = model.screen else { return "(not editing)" }
        return editor.editor.text
    }

    static func dark(_ model: inout TriageModel) throws {
        model.theme = try ThemeCatalog(directories: [], includesBuiltIn: true).load("dark")
    }

    @Test("Enter, pairs, word keys, Ctrl-W and Alt-Backspace reach the editor through the keymap; the preview follows")
    func editingKeys() {
        var model = Self.opened()
        _ = model.press(.right, .enter)
        #expect(Self.text(model) == "{\n  \n}")
        _ = model.type("\"tier\": \"gold\"")
        #expect(Self.text(model) == "{\n  \"tier\": \"gold\"\n}", "the closers typed by hand stepped over the paired ones")
        #expect(model.screenText.contains(#"~ tier: "silver" → "gold""#))
        _ = model.press(.alt("b"))
        guard case .metadata(let editor) = model.screen else { Issue.record("not editing"); return }
        #expect(editor.editor.cursor == TextEditor.Position(line: 1, column: 11))
        _ = model.press(.controlRight, .control("w"))
        _ = model.type("bronze")
        #expect(Self.text(model) == "{\n  \"tier\": \"bronze\"\n}")
        #expect(model.screenText.contains(#"~ tier: "silver" → "bronze""#))
        _ = model.press(.alt(Key.altBackspace), .controlLeft, .controlLeft)
        #expect(Self.text(model) == "{\n  \"tier\": \"\"\n}")
        #expect(model.status?.text.contains("does nothing") != true, "every key did something")
    }

    @Test("a paste goes in as pasted: no closers or indentation added")
    func pasteVerbatim() {
        var model = Self.opened()
        _ = model.press(.right)
        Self.type("\"flags\": {\"beta\": true},\n\"legacy\": null", &model)
        #expect(Self.text(model) == "{\"flags\": {\"beta\": true},\n\"legacy\": null}")
        #expect(model.screenText.contains("+ flags.beta: true") && model.screenText.contains("- legacy"))
    }

    @Test("the result marks added, changed and removed paths inside the JSON, removed ones with their old value")
    func markedResult() {
        let old: JSONValue = ["tier": "silver", "legacy": true, "flags": ["alpha": true]]
        let new: JSONValue = ["tier": "gold", "flags": ["alpha": true, "beta": true], "seats": 5]
        let theme = Theme.monochrome
        let lines = JSONLines.render(new, comparedTo: old, theme: theme)
        #expect(lines.map { $0.map(\.text).joined() } == [
            "  {",
            "    \"flags\": {",
            "      \"alpha\": true,",
            "+     \"beta\": true",
            "    },",
            "-   \"legacy\": true",
            "+   \"seats\": 5,",
            "~   \"tier\": \"gold\"  was \"silver\"",
            "  }",
        ])
        let added = lines[3].filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(added.allSatisfy { $0.style == theme[.diffAdded] || $0.style == theme[.diffAdded].adding(.bold) })
        #expect(lines[5].allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty || $0.style == theme[.diffRemoved] || $0.style == theme[.diffRemoved].adding(.bold) })
        #expect(JSONLines.render(new, comparedTo: new, theme: theme).map { $0.map(\.text).joined() } == JSONLines.render(new, theme: theme, indent: "  ").map { $0.map(\.text).joined() },
                "nothing changed: nothing marked")
    }

    @Test("the text is coloured from the theme as it is typed, complete or not (full frame with styles)")
    func colouredFrame() throws {
        var model = Self.opened()
        try Self.dark(&model)
        Self.replaceText("{\n  \"tier\": \"gold\",\n  \"seats\": -12.5e3,\n  \"flags\": {\"beta\": true, \"old\": false},\n  \"legacy\": null,\n  \"plan\": pro,\n  \"note\": \"half typed", &model)
        Self.moveCursor(6, 12, &model)
        try StyledFrame.check("metadata-colour", model)
    }

    @Test("the preview marks what changes inside the result, in the diff colours (full frame with styles)")
    func markedFrame() throws {
        var model = Self.opened()
        try Self.dark(&model)
        Self.replaceText("{\n  \"flags\": {\"beta\": true, \"alpha\": null},\n  \"legacy\": null,\n  \"tier\": \"gold\",\n  \"limits\": {\"api\": 100}\n}", &model)
        try StyledFrame.check("metadata-marked", model)
    }

    @Test("a long line scrolls sideways with the cursor, … where text goes on (full frames)")
    func horizontalScrollFrames() throws {
        var model = Self.opened(width: 80, height: 24)
        let note = (1...30).map { "word\($0)" }.joined(separator: " ")
        Self.replaceText("{\n  \"note\": \"\(note)\",\n  \"tier\": \"gold\"\n}", &model)
        _ = model.press(.down, .end)
        try SnapshotTests.frame("metadata-hscroll-end", model)
        for _ in 0..<12 { _ = model.press(.controlLeft) }
        let row = TriageView.render(model).rows[4]
        #expect(row.hasPrefix("2 …") && row.hasSuffix("…") && row.contains("word19"), "text goes on both ways: \(row)")
        try SnapshotTests.frame("metadata-hscroll-middle", model)
        _ = model.press(.down)
        #expect(TriageView.render(model).rows[4].hasPrefix("2   \"note\": \"word1 "), "the short line below is shown from its start, and so is the long one")
        try SnapshotTests.frame("metadata-hscroll-short", model)
    }

    @Test("wide and combining characters: the cursor is drawn on the cells of the character it is on (full frame with styles)")
    func wideCharacterFrame() throws {
        var model = Self.opened(width: 80, height: 24)
        try Self.dark(&model)
        Self.replaceText("{\n  \"名前\": \"山田 太郎\",\n  \"e\u{301}clair\": \"🍰\",\n  \"x\": 1\n}", &model)
        Self.moveCursor(1, 12, &model)
        try StyledFrame.check("metadata-wide", model)
        _ = model.press(.down)
        guard case .metadata(let editor) = model.screen else { Issue.record("not editing"); return }
        #expect(editor.editor.cursor == TextEditor.Position(line: 2, column: 15), "太 starts at cell 16; below, é takes one cell and 🍰 two, so the comma is there")
    }

    @Test("the size limit is counted as the encoder would write the result")
    func sizeCount() throws {
        let value = try JSONValue.parse(#"{"名前": "山田 太郎", "e\u0301": [1, -20, true, false, null, {"a": {}}, []], "n": 12345678901, "s": "plain"}"#)
        #expect(MetadataPreview.compactSize(value) == value.jsonText().utf8.count)
        #expect(MetadataPreview.compactSize(.string("a\"b")) == nil, "escapes are left to the encoder")
        #expect(MetadataPreview.compactSize(.double(1.5)) == nil)
    }
}
