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
}
