import Terminal

/// The metadata editor's text in the operator's own editor (`$VISUAL`, `$EDITOR`, else `vi`):
/// the runtime suspends the console while it runs; what it saved replaces the text as one edit.
enum ExternalEditing {
    /// Ctrl-E in the metadata editor.
    static func open(_ editor: MetadataEditor) -> [Effect] {
        [.externalEdit(ExternalEdit(userID: editor.userID, field: editor.field, mode: editor.mode, text: editor.editor.text))]
    }

    /// Ctrl-E in the detail view's Metadata section: the metadata editor, straight into `$EDITOR`.
    static func openFromDetail(_ model: inout TriageModel) -> [Effect] {
        guard case .detail(let detail) = model.screen else { return [] }
        guard detail.section == .metadata else {
            model.say("\(model.keymap.label(for: .detailExternalEditor)) opens $EDITOR from the Metadata section (\(model.keymap.label(for: .section4)))")
            return []
        }
        let effects = MetadataEditing.open(nil, &model)
        // Read-only, or no such user: `open` said why.
        guard case .metadata(let editor) = model.screen else { return effects }
        return effects + open(editor)
    }

    /// The editor closed. Its text replaces the one it was given, as one undoable edit; on an
    /// error the text stays as it was and the status line says why.
    static func finished(_ edit: ExternalEdit, _ result: Result<String, ExternalEditError>, _ model: inout TriageModel) -> [Effect] {
        guard case .metadata(var editor) = model.screen, editor.userID == edit.userID else {
            model.say("the editor closed, but the metadata editor it was opened from is gone: its text was not used", isError: true)
            return []
        }
        let text: String
        switch result {
        case .failure(let error):
            model.say(error.description, isError: true)
            return []
        case .success(let saved):
            text = normalised(saved)
        }
        let key = MetadataEditor.Key(field: edit.field, mode: edit.mode)
        // The text of that field and mode, even if the editor has since moved to another one.
        let (field, mode) = (editor.field, editor.mode)
        (editor.field, editor.mode) = (key.field, key.mode)
        if text == editor.editor.text {
            model.say("no change from the editor")
        } else {
            let current = editor.editor
            editor.externalEdits[key, default: ExternalEditHistory()].replaced(current)
            var replacement = TextEditor(text)
            replacement.viewport = MetadataLayout.editorSize(model.size)
            editor.editor = replacement
            model.say("the text from the editor is in the preview; \(model.keymap.label(for: .editorUndo)) takes it back")
        }
        (editor.field, editor.mode) = (field, mode)
        model.screen = .metadata(editor)
        return []
    }

    /// Undo: the text widget's own steps first; when it has none left, the last `$EDITOR` edit.
    static func undo(_ editor: inout MetadataEditor) {
        let key = MetadataEditor.Key(field: editor.field, mode: editor.mode)
        let current = editor.editor
        if !current.canUndo, let previous = editor.externalEdits[key]?.undo(current) {
            editor.editor = previous
        } else {
            editor.editor.undo()
        }
    }

    /// Redo: the `$EDITOR` edit just undone, if the text is still what that undo left.
    static func redo(_ editor: inout MetadataEditor) {
        let key = MetadataEditor.Key(field: editor.field, mode: editor.mode)
        let current = editor.editor
        if let replacement = editor.externalEdits[key]?.redo(current) {
            editor.editor = replacement
        } else {
            editor.editor.redo()
        }
    }

    /// Editors end a file with a newline (and some with CR LF): that last newline is not part of
    /// the text the operator typed.
    static func normalised(_ saved: String) -> String {
        var text = saved.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// The text widget starts a fresh history with the editor's text; this keeps what came before,
/// so undo crosses an external edit in one step and redo comes back over it.
struct ExternalEditHistory: Sendable, Hashable {
    /// The texts external edits replaced, oldest first; each keeps its own undo history.
    private var replacedTexts: [TextEditor] = []
    private var undone: [Undone] = []

    private struct Undone: Sendable, Hashable {
        var replacement: TextEditor
        /// The text the undo left: redo applies only while the text is still that.
        var restoredText: String
    }

    mutating func replaced(_ text: TextEditor) {
        replacedTexts.append(text)
        // A new edit forgets what could be redone, as in the text widget.
        undone.removeAll()
    }

    mutating func undo(_ current: TextEditor) -> TextEditor? {
        guard let previous = replacedTexts.popLast() else { return nil }
        undone.append(Undone(replacement: current, restoredText: previous.text))
        return previous
    }

    mutating func redo(_ current: TextEditor) -> TextEditor? {
        guard let last = undone.last else { return nil }
        guard last.restoredText == current.text else {
            // Edited since: that redo no longer applies.
            if !current.canRedo { undone.removeAll() }
            return nil
        }
        undone.removeLast()
        replacedTexts.append(current)
        return last.replacement
    }
}
