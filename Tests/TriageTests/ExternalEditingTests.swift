import ClerkAPI
import Terminal
import Testing
@testable import Triage

@Suite("Metadata editor: $EDITOR")
struct ExternalEditingTests {
    static let patch = #"{"flags":{"beta":true}}"#

    static func editor(_ model: TriageModel) -> MetadataEditor? {
        if case .metadata(let editor) = model.screen { return editor }
        Issue.record("the metadata editor is not open")
        return nil
    }

    static func finish(_ result: Result<String, ExternalEditError>, _ model: inout TriageModel, field: MetadataEditor.Field = .public) {
        let edit = ExternalEdit(userID: "user_0", field: field, mode: .merge, text: "{}")
        #expect(TriageUpdate.update(&model, .externalEditFinished(edit, result)).isEmpty)
    }

    @Test("Ctrl-E hands the text to the editor; a plain E is still typed")
    func opens() {
        var model = MetadataEditorTests.opened()
        #expect(model.press(.character("E")).isEmpty)
        #expect(Self.editor(model)?.editor.text == "E{}")
        #expect(model.press(.control("e")) == [.externalEdit(ExternalEdit(userID: "user_0", field: .public, mode: .merge, text: "E{}"))])
    }

    @Test("the editor's text replaces the buffer, the preview follows, and one undo takes it all back")
    func replaceAndUndo() {
        var model = MetadataEditorTests.opened()
        _ = model.press(.end, .backspace)
        #expect(Self.editor(model)?.editor.text == "{")
        Self.finish(.success(Self.patch + "\n"), &model)
        #expect(Self.editor(model)?.editor.text == Self.patch, "the file's last newline is not part of the text")
        #expect(model.screenText.contains("+ flags.beta: true"))
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == "{", "one undo: the text before the editor ran")
        #expect(!model.screenText.contains("+ flags.beta: true"))
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == "{}", "then the widget's own history, as before")
        _ = model.press(.control("y"), .control("y"))
        #expect(Self.editor(model)?.editor.text == Self.patch, "redo comes back over the external edit")
    }

    @Test("edits typed after the editor are undone first, then the editor's change in one step")
    func typedAfter() {
        var model = MetadataEditorTests.opened()
        Self.finish(.success(Self.patch), &model)
        _ = model.press(.end, .backspace)
        #expect(Self.editor(model)?.editor.text == #"{"flags":{"beta":true}"#)
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == Self.patch)
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == "{}")
        _ = model.press(.control("y"))
        #expect(Self.editor(model)?.editor.text == Self.patch)
        _ = model.press(.control("y"))
        #expect(Self.editor(model)?.editor.text == #"{"flags":{"beta":true}"#, "and the typing after it")
    }

    @Test("an editor that failed leaves the text as it was and says why")
    func failure() {
        var model = MetadataEditorTests.opened()
        Self.finish(.failure(.notFound(command: "nano")), &model)
        #expect(Self.editor(model)?.editor.text == "{}")
        #expect(model.status?.isError == true)
        #expect(model.status?.text == "editor 'nano' not found: set VISUAL or EDITOR to an installed editor; the text is as it was")
        _ = model.press(.character("x"))
        Self.finish(.failure(.failed(command: "vi", status: 1)), &model)
        #expect(model.status?.text.contains("exited with status 1") == true)
        #expect(Self.editor(model)?.editor.text == "x{}")
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == "{}", "one undo takes back the typed x: the failure added no step")
    }

    @Test("the same text back changes nothing and adds no undo step")
    func unchanged() {
        var model = MetadataEditorTests.opened()
        _ = model.press(.character("x"))
        Self.finish(.success("x{}\n"), &model)
        #expect(model.status?.text == "no change from the editor")
        _ = model.press(.control("z"))
        #expect(Self.editor(model)?.editor.text == "{}", "the undo is the typing's")
    }

    @Test("the text goes back to the field it came from, even if another is shown")
    func otherField() {
        var model = MetadataEditorTests.opened()
        _ = model.press(.control("t"))
        Self.finish(.success(Self.patch), &model, field: .public)
        #expect(Self.editor(model)?.field == .private)
        #expect(Self.editor(model)?.editor.text == "{}")
        _ = model.press(.control("t"), .control("t"))
        #expect(Self.editor(model)?.editor.text == Self.patch)
    }

    @Test("from the detail view's Metadata section Ctrl-E opens the editor straight into $EDITOR; E still deletes an external account")
    func fromDetail() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.enter)
        #expect(model.press(.control("e")).isEmpty)
        #expect(model.status?.text == "Ctrl-E opens $EDITOR from the Metadata section (4)")
        let effects = model.press(.character("4"), .control("e"))
        #expect(effects == [.externalEdit(ExternalEdit(userID: "user_0", field: .public, mode: .merge, text: "{}"))])
        #expect(Self.editor(model)?.field == .public)

        var other = Fake.loaded(total: 3)
        _ = other.press(.enter, .character("4"), .character("E"))
        if case .metadata = other.screen { Issue.record("E opened the metadata editor") }
        #expect(other.keymap.action(for: .character("E"), in: .actions) == .deleteExternalAccount)
    }

    @Test("read-only: no key opens $EDITOR, and help does not list it")
    func readOnly() {
        var model = Fake.loaded(total: 3)
        model.readOnly = true
        #expect(model.press(.enter, .character("4"), .control("e")).isEmpty)
        if case .metadata = model.screen { Issue.record("the editor opened in read-only mode") }
        // The whole of help, not the screenful that fits: the key's line is far down.
        let help = { (model: TriageModel) in HelpLayout.lines(model).map { $0.map(\.text).joined() }.joined(separator: "\n") }
        #expect(!help(model).contains("$EDITOR"))
        model.readOnly = false
        #expect(help(model).contains("$EDITOR"), "help does list it when acting is allowed")
    }

    @Test("help names Ctrl-E in the editor and the detail view; a rebinding moves it")
    func rebinding() throws {
        var model = MetadataEditorTests.opened()
        #expect(model.keymap.label(for: .editorExternal) == "Ctrl-E")
        #expect(model.keymap.label(for: .detailExternalEditor) == "Ctrl-E")
        var keymap = TriageKeymap.standard
        try keymap.override(["editor.external-editor": ["f4"]])
        model.keymap = keymap
        #expect(model.press(.function(4)).count == 1)
        #expect(model.press(.control("e")).isEmpty, "Ctrl-E is the widget's end of line again")
    }
}
