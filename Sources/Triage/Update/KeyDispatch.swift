import ClerkAPI
import Terminal

/// Turns a key into an action through the keymap, for whatever has focus. Only text typed into
/// a field bypasses the keymap; everything else, Ctrl-C and Ctrl-Z included, is a bound action.
enum KeyDispatch {
    static func handle(_ key: Key, _ model: inout TriageModel) -> [Effect] {
        switch model.overlay {
        case .help(let scroll):
            return Overlays.help(key, scroll: scroll, &model)
        case .commandLine(let field):
            return Overlays.commandLine(key, field: field, &model)
        case .dialog(let dialog):
            return Actions.dialogKey(key, dialog, &model)
        case .menu(let menu):
            return Commands.menuKey(key, menu, &model)
        case .queue(let selection):
            return Commands.panelKey(key, selection: selection, &model)
        case .audit(let panel):
            return Overlays.auditKey(key, panel, &model)
        case .resume(let unfinished):
            return Commands.resumeKey(key, unfinished, &model)
        case .quitWithUnfinished:
            return Commands.quitKey(key, &model)
        case .switchWithUnfinished(let name):
            return InstanceSwitch.askKey(key, to: name, &model)
        case .none:
            break
        }
        if case .metadata(let editor) = model.screen {
            return MetadataEditing.key(key, editor, &model)
        }
        if case .browse = model.screen, case .field(let field) = model.browse.focus {
            return Browse.searchKey(key, field: field, &model)
        }
        let context: KeyContext = if case .detail = model.screen { .detail } else { .table }
        guard let action = model.keymap.action(for: key, in: context, where: { model.isAvailable($0) })
            ?? model.keymap.action(for: key, in: .actions, includeGlobal: false, where: { model.isAvailable($0) })
        else {
            return unbound(key, &model)
        }
        return perform(action, &model)
    }

    /// Actions that mean the same on every screen; the rest belong to the screen's own handler.
    static func perform(_ action: TriageAction, _ model: inout TriageModel) -> [Effect] {
        switch action {
        case .help:
            model.overlay = .help(scroll: 0)
            return []
        case .command:
            model.overlay = .commandLine(TextField())
            return []
        case .quit:
            // q while a switch waits for the commands: the operator now means to quit.
            model.switchWhenIdle = nil
            return Commands.quit(&model)
        case .actionMenu:
            return Commands.openMenu(&model)
        case .editMetadata:
            return MetadataEditing.open(nil, &model)
        case .detailExternalEditor:
            return ExternalEditing.openFromDetail(&model)
        case .queuePanel:
            model.overlay = .queue(selection: 0)
            return []
        case .repaint:
            return [.repaint]
        case .suspend:
            return [.suspend]
        default:
            if let kind = action.actionKind { return Actions.open(kind, &model) }
            if case .detail = model.screen { return Detail.perform(action, &model) }
            return Browse.perform(action, &model)
        }
    }

    /// A key with no action here says so, and does nothing else.
    static func unbound(_ key: Key, _ model: inout TriageModel) -> [Effect] {
        if case .paste = key { return [] }
        model.say("\(key.label) does nothing here · ? lists the keys")
        return []
    }
}

extension TriageModel {
    /// Whether an action applies now. Help, hints and dispatch all ask this, so an action that
    /// does not apply is neither shown nor triggered.
    func isAvailable(_ action: TriageAction) -> Bool {
        if readOnly, action.isMutating { return false }
        switch action {
        case .cycleBanned:
            return browse.focus == .field(.banned)
        case .copyEmail:
            return currentUser?.primaryEmailAddress != nil || currentUser == nil
        default:
            return true
        }
    }

    /// The user an action would act on: the open user, or the table's selection.
    var currentUser: User? {
        switch screen {
        case .detail(let detail): users[detail.userID]
        case .metadata(let editor): users[editor.userID]
        case .browse: selectedUser
        }
    }
}

extension Key {
    /// Typed text: goes into a focused field instead of the keymap.
    var isText: Bool {
        switch self {
        case .character, .paste: true
        default: false
        }
    }
}
