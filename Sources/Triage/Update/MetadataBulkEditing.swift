import ClerkAPI
import ClerkActions
import Terminal

/// One merge patch for every user marked in the table, and asking again when the queue found that
/// someone else changed a field after the operator's preview.
enum MetadataBulkEditing {
    /// Opened from the table with users marked: the patch is for all of them. The preview shows the
    /// selected user when marked (else the first marked user loaded); users not in the store load now.
    static func markedTargets(_ editor: inout MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        guard case .browse = model.screen, !model.browse.marked.isEmpty else { return [] }
        let ids = Actions.targets(.ban, model)
        if !ids.contains(editor.userID), let first = ids.compactMap({ model.users[$0] }).first {
            editor = MetadataEditor(user: first, field: editor.field, returnTo: DetailState(userID: first.id))
        }
        editor.targets = MetadataTargets(userIDs: ids)
        return ids.filter { model.users[$0] == nil }.map { Effect.refreshUser($0) }
    }

    /// Ctrl-N / Ctrl-P: the next or previous marked user's preview.
    static func step(by delta: Int, _ editor: inout MetadataEditor, _ model: inout TriageModel) {
        guard let targets = editor.targets, !targets.userIDs.isEmpty else {
            model.say("no users are marked: the patch is for this user only")
            return
        }
        let count = targets.userIDs.count
        let index = targets.userIDs.firstIndex(of: editor.userID) ?? 0
        let id = targets.userIDs[((index + delta) % count + count) % count]
        guard let user = model.users[id] else {
            model.say("still loading \(id)…", isError: true)
            return
        }
        editor.userID = id
        editor.baselines = Dictionary(uniqueKeysWithValues: MetadataEditor.Field.allCases.map { ($0, $0.value(of: user)) })
        editor.concurrentChanges = nil
    }

    /// Ctrl-S with users marked: every user's changes, computed against what the store holds now.
    static func confirm(_ editor: inout MetadataEditor, _ model: inout TriageModel) {
        guard var targets = editor.targets else { return }
        guard parsedPatch(editor, &model) != nil else { return }
        let missing = targets.userIDs.filter { model.users[$0] == nil }
        guard missing.isEmpty else {
            model.say("still loading \(missing.count) of the \(targets.userIDs.count) marked users; send again in a moment", isError: true)
            return
        }
        targets.baselines = Dictionary(uniqueKeysWithValues: targets.userIDs.compactMap { id in model.users[id].map { (id, editor.field.value(of: $0)) } })
        let plans = targets.userIDs.map { targets.plan(for: $0, text: editor.editor.text, field: editor.field) }
        guard plans.contains(where: { if case .changes = $0 { true } else { false } }) else {
            model.say("nothing would change for any of the \(targets.userIDs.count) marked users: there is nothing to send", isError: true)
            return
        }
        targets.selection = targets.userIDs.firstIndex(of: editor.userID) ?? 0
        editor.targets = targets
        editor.sending = .confirming(sendFocused: false)
    }

    /// The patch typed, or nil with the reason said when it cannot be sent to anyone.
    private static func parsedPatch(_ editor: MetadataEditor, _ model: inout TriageModel) -> JSONValue? {
        let patch: JSONValue
        do {
            patch = try JSONValue.parse(editor.editor.text)
        } catch {
            model.say("cannot send: \(error.description)", isError: true)
            return nil
        }
        guard case .object = patch else {
            model.say("cannot send: A patch must be a JSON object, e.g. {\"plan\": \"pro\"}.", isError: true)
            return nil
        }
        return patch
    }

    /// Users per PgUp / PgDn in the confirmation's list.
    static let page = 10

    static func confirmKey(_ key: Key, sendFocused: Bool, _ editor: MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        var editor = editor
        guard var targets = editor.targets else { return [] }
        let last = max(0, targets.userIDs.count - 1)
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .dialogNext, .dialogPrevious, .dialogToggle:
            editor.sending = .confirming(sendFocused: !sendFocused)
        case .dialogScrollUp:
            targets.selection = max(0, targets.selection - page)
        case .dialogScrollDown:
            targets.selection = min(last, targets.selection + page)
        case .dialogActivate where sendFocused:
            return send(editor, &model)
        case .dialogActivate, .dialogCancel:
            editor.sending = .editing
        default:
            switch model.keymap.action(for: key, in: .editor, includeGlobal: false) {
            case .editorNextUser: targets.selection = min(last, targets.selection + 1)
            case .editorPreviousUser: targets.selection = max(0, targets.selection - 1)
            default: return KeyDispatch.unbound(key, &model)
            }
        }
        editor.targets = targets
        model.screen = .metadata(editor)
        return []
    }

    /// One command per user whose field changes, each with the value its preview was computed
    /// against: the queue sends to a user only while their field still holds it.
    private static func send(_ editor: MetadataEditor, _ model: inout TriageModel) -> [Effect] {
        guard let targets = editor.targets, let patch = parsedPatch(editor, &model) else { return [] }
        var effects: [Effect] = []
        var skipped = 0
        for id in targets.userIDs {
            guard case .changes = targets.plan(for: id, text: editor.editor.text, field: editor.field), let baseline = targets.baselines[id] else {
                skipped += 1
                continue
            }
            do {
                let command = try Command(.mergeMetadata(editor.field.update(patch)), userID: id, instance: model.identity,
                                          metadataBaseline: editor.field.baseline(baseline))
                model.queue.add(command, now: model.now)
                effects.append(.enqueue(command))
            } catch {
                model.say(error.description, isError: true)
                return effects
            }
        }
        model.browse.marked.removeAll()
        leave(editor, &model)
        let users = effects.count == 1 ? "1 user" : "\(effects.count) users"
        model.say("queued: merge into \(editor.field.title) of \(users)" + (skipped > 0 ? " (\(skipped) with no change skipped)" : ""))
        return effects
    }

    /// Back where the editor was opened from: the table for marked users, else the user's detail.
    static func leave(_ editor: MetadataEditor, _ model: inout TriageModel) {
        model.screen = editor.targets != nil ? .browse : .detail(editor.returnTo)
    }

    /// The queue did not send `command` because someone else changed the field after the preview:
    /// the editor opens on that user with the operator's text, previewed against the fresh value,
    /// with what the other person changed shown, at the confirmation to send again.
    static func reopen(_ command: Command, _ conflict: MetadataConflict, _ model: inout TriageModel) -> [Effect] {
        let update: MetadataUpdate
        let mode: MetadataEditor.Mode
        switch command.action {
        case .mergeMetadata(let sent):
            update = sent
            mode = .merge
        case .replaceMetadata(let sent):
            update = sent
            mode = .replace
        default: return []
        }
        guard let field = conflict.fields.first ?? conflict.baseline.fields.first, let value = field.value(in: update) else { return [] }
        model.users.put(conflict.user)
        model.overlay = .none
        var editor = MetadataEditor(user: conflict.user, field: MetadataEditor.Field(field), mode: mode, returnTo: DetailState(userID: conflict.user.id))
        editor.editor = TextEditor(value.jsonText(pretty: true))
        editor.editor.viewport = MetadataLayout.editorSize(model.size)
        editor.concurrentChanges = conflict.changes(in: field)
        if editor.preview.canSend {
            editor.sending = .confirming(sendFocused: false)
            model.say("someone else changed \(field.title) since your preview: check the new preview and send again")
        } else {
            model.say("someone else changed \(field.title) since your preview, and your change would now change nothing")
        }
        model.screen = .metadata(editor)
        return []
    }
}
