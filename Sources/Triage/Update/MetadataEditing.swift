import ClerkAPI
import ClerkActions
import Terminal

/// Opening, editing and sending in the metadata editor.
enum MetadataEditing {
    /// From the detail view (its metadata section opens the field on screen), the table or `:edit`.
    static func open(_ field: MetadataEditor.Field?, _ model: inout TriageModel) -> [Effect] {
        if model.readOnly {
            model.say("read-only: metadata cannot be edited", isError: true)
            return []
        }
        guard let user = model.currentUser else {
            model.say("no user selected", isError: true)
            return []
        }
        var detail = DetailState(userID: user.id)
        if case .detail(let open) = model.screen { detail = open }
        var editor = MetadataEditor(user: user, field: field ?? .public, returnTo: detail)
        let effects = MetadataBulkEditing.markedTargets(&editor, &model)
        editor.editor.viewport = MetadataLayout.editorSize(model.size)
        model.screen = .metadata(editor)
        return effects
    }

    static func key(_ key: Key, _ editor: MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        var editor = editor
        if editor.confirmingDiscard { return discardKey(key, editor, &model) }
        if case .confirming(let sendFocused) = editor.sending {
            if editor.targets != nil { return MetadataBulkEditing.confirmKey(key, sendFocused: sendFocused, editor, &model) }
            return confirmKey(key, sendFocused: sendFocused, editor, &model)
        }
        if editor.sending == .checking {
            model.say("checking that nobody changed this field meanwhile…")
            return []
        }
        switch model.keymap.action(for: key, in: .editor, includeGlobal: !key.isText) {
        case .editorSend where editor.targets != nil:
            MetadataBulkEditing.confirm(&editor, &model)
        case .editorNextUser:
            MetadataBulkEditing.step(by: 1, &editor, &model)
        case .editorPreviousUser:
            MetadataBulkEditing.step(by: -1, &editor, &model)
        case .editorMode where editor.targets != nil:
            model.say(MetadataTargets.replaceRefusal, isError: true)
        case .editorSend:
            let preview = editor.preview
            switch preview.outcome {
            case .ready:
                editor.sending = .confirming(sendFocused: false)
            case .noChange:
                model.say("nothing would change: there is nothing to send", isError: true)
            case .invalid(let error):
                model.say("cannot send: \(error.description)", isError: true)
            case .refused(let reason):
                model.say("cannot send: \(reason)", isError: true)
            }
        case .editorClose:
            if editor.hasUnsentChanges {
                editor.confirmingDiscard = true
            } else {
                MetadataBulkEditing.leave(editor, &model)
                return []
            }
        case .editorNextField:
            let all = MetadataEditor.Field.allCases
            editor.field = all[((all.firstIndex(of: editor.field) ?? 0) + 1) % all.count]
            editor.concurrentChanges = nil
        case .editorMode:
            editor.mode = editor.mode == .merge ? .replace : .merge
        case .editorUndo:
            ExternalEditing.undo(&editor)
        case .editorRedo:
            ExternalEditing.redo(&editor)
        case .editorExternal:
            return ExternalEditing.open(editor)
        case .editorJumpToError:
            if case .invalid(let error) = editor.preview.outcome {
                editor.editor.moveCursor(to: TextEditor.Position(line: error.line - 1, column: error.column - 1))
            } else {
                model.say("the JSON is valid")
            }
        case .quit:
            return Commands.quit(&model)
        case .suspend:
            return [.suspend]
        case .repaint:
            return [.repaint]
        default:
            var text = editor.editor
            guard text.handle(key) else { return KeyDispatch.unbound(key, &model) }
            editor.editor = text
        }
        editor.editor.viewport = MetadataLayout.editorSize(model.size)
        model.screen = .metadata(editor)
        return []
    }

    private static func confirmKey(_ key: Key, sendFocused: Bool, _ editor: MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        var editor = editor
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .dialogNext, .dialogPrevious, .dialogToggle:
            editor.sending = .confirming(sendFocused: !sendFocused)
        case .dialogActivate where sendFocused:
            editor.sending = .checking
            model.screen = .metadata(editor)
            return [.checkMetadata(editor.userID)]
        case .dialogActivate, .dialogCancel:
            editor.sending = .editing
        default:
            return KeyDispatch.unbound(key, &model)
        }
        model.screen = .metadata(editor)
        return []
    }

    private static func discardKey(_ key: Key, _ editor: MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        var editor = editor
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .discardUnfinished:
            MetadataBulkEditing.leave(editor, &model)
            model.say("discarded the unsent metadata changes")
            return []
        case .dialogCancel, .dialogActivate:
            editor.confirmingDiscard = false
        default:
            return KeyDispatch.unbound(key, &model)
        }
        model.screen = .metadata(editor)
        return []
    }

    /// The fresh copy of the user, read just before sending. Unchanged field: the command goes to
    /// the queue. Changed by someone else: the preview is recomputed against the new value and the
    /// operator is asked again, shown what changed. Nobody's edit is silently overwritten.
    static func checked(_ id: String, _ result: Result<User, ClerkAPIError>, _ model: inout TriageModel) -> [Effect] {
        guard case .metadata(var editor) = model.screen, editor.userID == id, editor.sending == .checking else { return [] }
        switch result {
        case .failure(let error):
            editor.sending = .confirming(sendFocused: false)
            model.say("could not check the user before sending: \(error.description)", isError: true)
        case .success(let user):
            model.users.put(user)
            let fresh = editor.field.value(of: user)
            let opened = editor.baselines[editor.field] ?? .emptyObject
            guard fresh == opened else {
                editor.baselines[editor.field] = fresh
                editor.concurrentChanges = opened.changes(to: fresh)
                editor.sending = .confirming(sendFocused: false)
                model.screen = .metadata(editor)
                model.say("someone else changed \(editor.field.title) since you opened it: check the new preview", isError: true)
                return []
            }
            guard case .ready(let patch, _, _) = editor.preview.outcome else {
                editor.sending = .editing
                model.screen = .metadata(editor)
                return []
            }
            let action: CommandAction = editor.mode == .merge ? .mergeMetadata(editor.field.update(patch)) : .replaceMetadata(editor.field.update(patch))
            do {
                // The queue checks again just before sending, against the value this preview used.
                let command = try Command(action, userID: id, instance: model.identity, metadataBaseline: editor.field.baseline(fresh))
                model.queue.add(command, now: model.now)
                model.screen = .detail(editor.returnTo)
                model.say("queued: \(command.summary)")
                return [.enqueue(command)]
            } catch {
                editor.sending = .editing
                model.say(error.description, isError: true)
            }
        }
        model.screen = .metadata(editor)
        return []
    }
}

/// Where the editor and its preview go: side by side when there is room, else one above the other.
enum MetadataLayout {
    static let sideBySideWidth = 100

    static func editorRect(_ size: Size) -> Rect {
        let top = 3
        let height = max(1, size.height - top - 1)
        if size.width >= sideBySideWidth { return Rect(x: 0, y: top, width: size.width / 2, height: height) }
        return Rect(x: 0, y: top, width: size.width, height: max(1, height / 2))
    }

    static func previewRect(_ size: Size) -> Rect {
        let editor = editorRect(size)
        if size.width >= sideBySideWidth {
            return Rect(x: editor.maxX + 1, y: editor.y, width: size.width - editor.maxX - 1, height: editor.height)
        }
        return Rect(x: 0, y: editor.maxY, width: size.width, height: max(1, size.height - editor.maxY - 1))
    }

    static func editorSize(_ size: Size) -> Size {
        let rect = editorRect(size)
        return Size(width: rect.width, height: rect.height)
    }
}
