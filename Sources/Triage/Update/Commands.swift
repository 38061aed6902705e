import ClerkAPI
import ClerkActions
import Foundation
import Terminal

/// The queue's events, the queue panel, the action menu, and leaving or starting with commands
/// unfinished.
enum Commands {
    /// A command moved on: the panel, the header and the rows show it; a finished one's answer goes
    /// into the user store, so every view of the user changes at once.
    static func received(_ event: CommandEvent, _ model: inout TriageModel) -> [Effect] {
        model.queue.apply(event, now: model.now)
        var effects: [Effect] = []
        switch event {
        case .finished(let command, let result):
            for user in result.users { model.users.put(user) }
            for id in result.deletedUserIDs { removeDeleted(id, &model) }
            let answered = Set(result.users.map(\.id)).union(result.deletedUserIDs)
            // Some answers are not the user (a deleted passkey, a credit entry): read the user again.
            for id in command.userIDs where !answered.contains(id) && !command.action.changesNothing { effects.append(.refreshUser(id)) }
            if let verification = result.verification {
                model.say(verification.verified ? "the code is valid" : "the code is NOT valid", isError: !verification.verified)
            } else {
                model.say("done: \(command.summary)")
            }
            if case .adjustCredit = command.action, case .detail(var detail) = model.screen, command.userIDs.contains(detail.userID) {
                detail.credits.reload()
                model.screen = .detail(detail)
                effects.append(.loadCredits(detail.userID))
            }
        case .failed(let command, let error):
            model.say("failed: \(command.summary): \(error.description)", isError: true)
        case .needsOperator(let command, let reason):
            model.say("check \(command.summary): \(reason) (Q opens the queue)", isError: true)
        case .conflict(_, let conflict):
            model.users.put(conflict.user)
            model.say("\(conflict.description) (Q, then Enter, previews it again)", isError: true)
        case .warning(let text):
            model.say(text, isError: true)
        default:
            break
        }
        if model.queue.quitWhenIdle, model.queue.unfinished == 0 { return effects + TriageUpdate.quit(&model) }
        return effects
    }

    private static func removeDeleted(_ id: String, _ model: inout TriageModel) {
        model.users.remove(id)
        model.browse.marked.remove(id)
        model.browse.shown?.ids.removeAll { $0 == id }
        for key in model.browse.cache.keys { model.browse.cache[key]?.removeAll { $0 == id } }
        model.browse.selection = min(model.browse.selection, max(0, model.browse.rowIDs.count - 1))
        if case .detail(let detail) = model.screen, detail.userID == id { model.screen = .browse }
    }

    static func rejected(_ command: Command, _ reason: String, _ model: inout TriageModel) {
        model.queue.apply(.failed(command, .invalidRequest(reason)), now: model.now)
        model.say("not queued: \(reason)", isError: true)
    }

    // MARK: - The queue panel

    /// Newest first, as the panel lists them.
    static func panelEntries(_ model: TriageModel) -> [QueueState.Entry] { model.queue.entries.reversed() }

    static func panelKey(_ key: Key, selection: Int, _ model: inout TriageModel) -> [Effect] {
        let entries = panelEntries(model)
        let selected = entries.indices.contains(selection) ? entries[selection] : nil
        let action = model.keymap.action(for: key, in: .queue, where: { model.isAvailable($0) })
        if action != .queueUndo { model.queue.pendingUndo = nil }
        switch action {
        case .queueUp: model.overlay = .queue(selection: max(0, selection - 1))
        case .queueDown: model.overlay = .queue(selection: min(max(0, entries.count - 1), selection + 1))
        case .queueClose: model.overlay = .none
        case .queueOpen, .queueRetry where selected.map(isConflict) == true:
            // Someone else changed the metadata: preview the operator's change again against it.
            if let entry = selected, case .conflict(let conflict) = entry.state { return MetadataBulkEditing.reopen(entry.command, conflict, &model) }
            guard let id = selected?.command.userIDs.first else { return [] }
            model.overlay = .none
            return Detail.open(id, &model)
        case .queueRetry:
            guard let entry = selected, case .failed = entry.state else { return notApplicable("only a failed command can be retried", &model) }
            return [.retryCommand(entry.id)]
        case .queueCancel:
            guard let entry = selected, entry.state == .queued || entry.state == .rateLimited else {
                return notApplicable("only a queued command can be cancelled", &model)
            }
            return [.cancelCommand(entry.id)]
        case .queueUndo:
            guard let entry = selected, entry.state == .done, let undo = entry.command.undo() else {
                return notApplicable("only a finished ban, lock, compromised mark or credit adjustment can be undone", &model)
            }
            if let undoneBy = entry.undoneBy {
                let by = model.queue[undoneBy].map { " by “\($0.command.summary)”" } ?? ""
                return notApplicable("this was already undone\(by); it cannot be undone twice", &model)
            }
            // Undoing many users at once takes a second press, named, so one stray key cannot do it.
            if entry.command.userIDs.count > 1, model.queue.pendingUndo != entry.id {
                model.queue.pendingUndo = entry.id
                model.say("press \(model.keymap.label(for: .queueUndo)) again to \(undo.summary.lowercased())", isError: true)
                return []
            }
            model.queue.pendingUndo = nil
            model.queue.add(undo, now: model.now)
            model.queue.markUndone(entry.id, by: undo.id)
            model.say("queued: \(undo.summary)")
            return [.enqueue(undo)]
        case .queueConfirmApplied, .queueAbandon:
            guard let entry = selected, case .needsOperator = entry.state else {
                return notApplicable("only a command waiting for a check can be settled", &model)
            }
            return [action == .queueAbandon ? .abandonCommand(entry.id) : .confirmApplied(entry.id)]
        case .quit: return TriageUpdate.quit(&model)
        case .suspend: return [.suspend]
        case .repaint: return [.repaint]
        default: return KeyDispatch.unbound(key, &model)
        }
        return []
    }

    private static func isConflict(_ entry: QueueState.Entry) -> Bool {
        if case .conflict = entry.state { true } else { false }
    }

    private static func notApplicable(_ reason: String, _ model: inout TriageModel) -> [Effect] {
        model.say(reason, isError: true)
        return []
    }

    // MARK: - The action menu

    static func openMenu(_ model: inout TriageModel) -> [Effect] {
        let single = model.currentUser
        var items = ActionKind.allCases.filter { model.readOnly ? $0 == .verifyTOTP : true }
        let bulk = { () -> Bool in if case .browse = model.screen { !model.browse.marked.isEmpty } else { false } }()
        if bulk {
            items = items.filter(\.isBulk)
        } else if let single {
            items = items.filter { $0.applies(to: single) }
        } else {
            model.say("no user selected", isError: true)
            return []
        }
        let ids = bulk ? Actions.targets(.ban, model) : [single?.id].compactMap { $0 }
        model.overlay = .menu(ActionMenu(userIDs: ids, items: items))
        return []
    }

    static func menuKey(_ key: Key, _ menu: ActionMenu, _ model: inout TriageModel) -> [Effect] {
        var menu = menu
        switch model.keymap.action(for: key, in: .menu, includeGlobal: !key.isText) {
        case .menuUp: menu.selection = max(0, menu.selection - 1)
        case .menuDown: menu.selection = min(max(0, menu.visible.count - 1), menu.selection + 1)
        case .menuClose:
            model.overlay = .none
            return []
        case .menuChoose:
            guard let kind = menu.chosen else { return [] }
            model.overlay = .none
            return Actions.open(kind, &model)
        case .quit: return TriageUpdate.quit(&model)
        case .suspend: return [.suspend]
        case .repaint: return [.repaint]
        default:
            // A key bound to an action in the menu opens it directly; anything else filters.
            if !key.isText || menu.filter.text.isEmpty,
               let direct = model.keymap.action(for: key, in: .actions, includeGlobal: false)?.actionKind, menu.items.contains(direct)
            {
                model.overlay = .none
                return Actions.open(direct, &model)
            }
            guard menu.filter.handle(key) else { return KeyDispatch.unbound(key, &model) }
            menu.selection = 0
        }
        model.overlay = .menu(menu)
        return []
    }

    // MARK: - Quitting and starting with commands unfinished

    /// `q`: quits at once, unless commands are still to run; then asks.
    static func quit(_ model: inout TriageModel) -> [Effect] {
        guard model.queue.unfinished > 0 else { return TriageUpdate.quit(&model) }
        model.overlay = .quitWithUnfinished
        return []
    }

    static func quitKey(_ key: Key, _ model: inout TriageModel) -> [Effect] {
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .dialogActivate:
            model.overlay = .none
            model.queue.quitWhenIdle = true
            model.say("quitting when the \(model.queue.unfinished) unfinished commands are done (q again quits now)")
            return model.queue.unfinished == 0 ? TriageUpdate.quit(&model) : []
        case .quitNow:
            return TriageUpdate.quit(&model)
        case .dialogCancel:
            model.overlay = .none
            return []
        default:
            return KeyDispatch.unbound(key, &model)
        }
    }

    static func resumeKey(_ key: Key, _ unfinished: [UnfinishedCommand], _ model: inout TriageModel) -> [Effect] {
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .dialogActivate:
            model.overlay = .none
            model.queue.deferred = []
            for item in unfinished { model.queue.add(item.command, now: model.now) }
            model.say("resuming \(unfinished.count) command\(unfinished.count == 1 ? "" : "s")")
            return [.resume(unfinished)]
        case .discardUnfinished:
            model.overlay = .none
            model.queue.deferred = []
            model.say("discarded \(unfinished.count) unfinished command\(unfinished.count == 1 ? "" : "s"); the journal and audit log keep the record")
            return [.discard(unfinished)]
        case .dialogCancel:
            model.overlay = .none
            model.queue.deferred = unfinished
            model.say(":resume offers them again; until then they stay in the journal")
            return []
        default:
            return KeyDispatch.unbound(key, &model)
        }
    }
}
