import ClerkAPI
import ClerkActions
import Terminal

/// The console's logic: `update(&model, msg)` changes the model and returns the I/O to do.
/// Pure: no clock, no network, no terminal, so every behaviour is testable by feeding messages.
public enum TriageUpdate {
    /// What to do when the console opens: the first search, without a typing pause.
    public static func start(_ model: inout TriageModel, unfinished: [UnfinishedCommand] = []) -> [Effect] {
        model.browse.generation += 1
        if !unfinished.isEmpty { model.overlay = .resume(unfinished) }
        return Browse.search(&model)
    }

    public static func update(_ model: inout TriageModel, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            return KeyDispatch.handle(key, &model)
        case .resize(let size):
            let effects = Browse.resize(&model, to: size)
            if case .metadata(var editor) = model.screen {
                editor.editor.viewport = MetadataLayout.editorSize(size)
                model.screen = .metadata(editor)
            }
            Detail.clampScroll(&model)
            Overlays.clampHelpScroll(&model)
            return effects
        case .clock(let now):
            model.now = now
            if let status = model.status, now >= status.expiresAt { model.status = nil }
            return []
        case .tick:
            model.spinnerTick += 1
            return []
        case .terminate:
            // The journal keeps whatever is unfinished for the next start.
            return quit(&model)
        case .searchDue(let generation):
            guard generation == model.browse.generation else { return [] }
            return Browse.search(&model)
        case .pageLoaded(let generation, let key, let prefetch, let result):
            return Browse.pageLoaded(&model, generation: generation, key: key, prefetch: prefetch, result)
        case .countLoaded(let generation, let result):
            guard generation == model.browse.generation else { return [] }
            model.browse.total.receive(result)
            return []
        case .creditsLoaded(let id, let result):
            if case .dialog(var dialog) = model.overlay, dialog.kind == .adjustCredit, dialog.userIDs == [id] {
                dialog.balance.receive(result)
                model.overlay = .dialog(dialog)
            }
            Detail.received(msg, &model)
            return []
        case .userLoaded, .membershipsLoaded, .invitationsLoaded, .subscriptionLoaded:
            Detail.received(msg, &model)
            return []
        case .trustedDevicesLoaded(let id, let result):
            Actions.devicesLoaded(id, result, &model)
            return []
        case .command(let event):
            return Commands.received(event, &model)
        case .commandRejected(let command, let reason):
            Commands.rejected(command, reason, &model)
            return []
        case .metadataChecked(let id, let result):
            return MetadataEditing.checked(id, result, &model)
        case .externalEditFinished(let edit, let result):
            return ExternalEditing.finished(edit, result, &model)
        case .auditLoaded(let result):
            Overlays.auditLoaded(result, &model)
            return []
        case .themeLoaded(let result):
            switch result {
            case .success(let theme):
                model.theme = theme
                model.say("theme \(theme.name)")
                return [.repaint]
            case .failure(let error):
                model.say(error.description, isError: true)
                return []
            }
        }
    }

    static func quit(_ model: inout TriageModel) -> [Effect] {
        // The session ends. It reopens on another instance only when a switch waited for the
        // commands and they are done; reached any other way (q, :quit, SIGTERM) it is a quit.
        model.nextInstance = model.queue.quitWhenIdle && model.queue.unfinished == 0 ? model.switchWhenIdle : nil
        model.quitting = true
        return [.quit]
    }
}
