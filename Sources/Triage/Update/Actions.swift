import ClerkAPI
import ClerkActions
import Foundation
import Terminal

/// Opening action dialogs (from a key, the menu or a `:` command) and turning a confirmed dialog
/// into a command for the queue.
enum Actions {
    /// The users an action would act on: the marked users for a bulk action in the table, else the
    /// user on screen.
    static func targets(_ kind: ActionKind, _ model: TriageModel) -> [String] {
        if kind.isBulk, case .browse = model.screen, !model.browse.marked.isEmpty {
            return model.browse.marked.sorted { (model.users[$0]?.createdAt ?? 0) > (model.users[$1]?.createdAt ?? 0) }
        }
        return model.currentUser.map { [$0.id] } ?? []
    }

    static func open(_ kind: ActionKind, _ model: inout TriageModel) -> [Effect] {
        if model.readOnly, kind != .verifyTOTP {
            model.say("read-only: \(kind.title.lowercased()) is not available", isError: true)
            return []
        }
        let ids = targets(kind, model)
        guard let first = ids.first else {
            if case .browse = model.screen, !model.browse.rowIDs.isEmpty, !model.browse.isCurrent {
                model.say(Browse.waitMessage)
            } else {
                model.say("no user selected", isError: true)
            }
            return []
        }
        var choices: [ActionDialog.Choice] = []
        if ids.count == 1, let user = model.users[first] {
            guard kind.applies(to: user) else {
                model.say(kind.reasonNotApplicable(to: user), isError: true)
                return []
            }
            choices = Self.choices(kind, user, now: model.now)
        }
        let confirm = kind.isIrreversible && model.instance.kind == .production
        var dialog = ActionDialog(kind: kind, userIDs: ids, choices: choices, requiresConfirmation: confirm)
        var effects: [Effect] = []
        if kind == .adjustCredit {
            dialog.balance = .loading
            effects.append(.loadCredits(first))
        }
        if kind == .revokeTrustedDevice {
            dialog.devices = .loading
            effects.append(.loadTrustedDevices(first))
        }
        model.overlay = .dialog(dialog)
        return effects
    }

    static func choices(_ kind: ActionKind, _ user: User, now: UnixMillis) -> [ActionDialog.Choice] {
        switch kind {
        case .deletePasskey:
            user.passkeys.map { .init(id: $0.id, label: "\($0.name) · last used \(RelativeTime.format($0.lastUsedAt, now: now))") }
        case .deleteWeb3Wallet:
            user.web3Wallets.map { .init(id: $0.id, label: $0.web3Wallet) }
        case .deleteExternalAccount:
            user.externalAccounts.map { .init(id: $0.id, label: "\($0.provider) \($0.emailAddress)") }
        default:
            []
        }
    }

    /// The user's devices arrived: those not yet revoked become the dialog's choices.
    static func devicesLoaded(_ id: String, _ result: Result<PaginatedList<TrustedDevice>, ClerkAPIError>, _ model: inout TriageModel) {
        guard case .dialog(var dialog) = model.overlay, dialog.kind == .revokeTrustedDevice, dialog.userIDs == [id] else { return }
        dialog.devices.receive(result)
        let active = (dialog.devices.value?.data ?? []).filter { $0.revokedAt == nil }
        dialog.choices = active.map { device in
            let name = device.name ?? device.platform
            return .init(id: device.id, label: "\(name) · \(device.platform) · last used \(RelativeTime.format(device.lastUsedAt, now: model.now))")
        }
        dialog.chosen = 0
        if case .failure(let error) = result {
            dialog.error = "Could not load the devices: \(error.description)"
        } else if active.isEmpty {
            dialog.error = "This user has no trusted device to revoke."
        }
        model.overlay = .dialog(dialog)
    }

    // MARK: - The dialog's keys

    static func dialogKey(_ key: Key, _ dialog: ActionDialog, _ model: inout TriageModel) -> [Effect] {
        var dialog = dialog
        let action = model.keymap.action(for: key, in: .dialog, includeGlobal: !key.isText)
        if case .field(let field) = dialog.focus, field.isText,
           ![.dialogNext, .dialogPrevious, .dialogActivate, .dialogCancel, .suspend, .repaint].contains(action)
        {
            if edit(field, key, &dialog) {
                dialog.error = Validation.problem(in: dialog, field: field)
                model.overlay = .dialog(dialog)
                return []
            }
        }
        switch action {
        case .dialogCancel:
            model.overlay = .none
            model.say("cancelled: nothing was sent")
            return []
        case .dialogNext, .dialogPrevious:
            let order = dialog.focusOrder
            let index = order.firstIndex(of: dialog.focus) ?? 0
            let step = action == .dialogNext ? 1 : order.count - 1
            dialog.focus = order[(index + step) % order.count]
        case .dialogToggle:
            switch dialog.focus {
            case .field(.direction): dialog.direction = dialog.direction.opposite
            case .field(.revokeSessions): dialog.revokeSessions.toggle()
            case .field(.choice) where !dialog.choices.isEmpty:
                dialog.chosen = (dialog.chosen + (key == .left ? dialog.choices.count - 1 : 1)) % dialog.choices.count
            case .cancel: dialog.focus = .confirm
            case .confirm: dialog.focus = .cancel
            default: break
            }
        case .dialogActivate:
            switch dialog.focus {
            case .cancel:
                model.overlay = .none
                model.say("cancelled: nothing was sent")
                return []
            case .confirm:
                return confirm(dialog, &model)
            case .field:
                // Enter in a field moves on; it never confirms. The field after the last is Cancel.
                let order = dialog.focusOrder
                let index = order.firstIndex(of: dialog.focus) ?? 0
                dialog.focus = order[index + 1]
            }
        case .dialogScrollUp:
            dialog.listScroll = max(0, dialog.listScroll - DialogView.listHeight)
        case .dialogScrollDown:
            dialog.listScroll = min(max(0, dialog.userIDs.count - DialogView.listHeight), dialog.listScroll + DialogView.listHeight)
        case .suspend:
            return [.suspend]
        case .repaint:
            return [.repaint]
        default:
            return KeyDispatch.unbound(key, &model)
        }
        model.overlay = .dialog(dialog)
        return []
    }

    private static func edit(_ field: ActionDialog.Field, _ key: Key, _ dialog: inout ActionDialog) -> Bool {
        switch field {
        case .amount: dialog.amount.handle(key)
        case .note: dialog.note.handle(key)
        case .code: dialog.code.handle(key)
        case .confirmation: dialog.confirmation.handle(key)
        default: false
        }
    }

    /// Turns the dialog into a command, or says why not and sends nothing.
    static func confirm(_ dialog: ActionDialog, _ model: inout TriageModel) -> [Effect] {
        var dialog = dialog
        if let (field, problem) = Validation.firstProblem(in: dialog, model: model) {
            dialog.error = problem
            dialog.focus = .field(field)
            model.overlay = .dialog(dialog)
            return []
        }
        let command: Command
        do {
            command = try Command(commandAction(dialog), userIDs: dialog.userIDs, instance: model.identity)
        } catch {
            dialog.error = error.description
            model.overlay = .dialog(dialog)
            return []
        }
        model.overlay = .none
        model.queue.add(command, now: model.now)
        if dialog.isBulk { model.browse.marked.removeAll() }
        model.say("queued: \(command.summary)")
        return [.enqueue(command)]
    }

    static func commandAction(_ dialog: ActionDialog) -> CommandAction {
        switch dialog.kind {
        case .ban: .ban
        case .unban: .unban
        case .lock: .lock
        case .unlock: .unlock
        case .setCompromised: .setPasswordCompromised(revokeAllSessions: dialog.revokeSessions)
        case .unsetCompromised: .unsetPasswordCompromised
        case .removePassword: .removePassword(signOutOfOtherSessions: dialog.revokeSessions)
        case .adjustCredit:
            .adjustCredit(CreditChange(
                direction: dialog.direction, amountCents: (try? AmountParser.cents(dialog.amount.text).get()) ?? 0,
                currency: dialog.balance.value?.balance?.currency, note: dialog.note.text.isEmpty ? nil : dialog.note.text,
                idempotencyKey: UUID().uuidString))
        case .deletePasskey: .deletePasskey(id: dialog.chosenItem?.id ?? "")
        case .deleteWeb3Wallet: .deleteWeb3Wallet(id: dialog.chosenItem?.id ?? "")
        case .deleteExternalAccount: .deleteExternalAccount(id: dialog.chosenItem?.id ?? "")
        case .revokeTrustedDevice: .revokeTrustedDevice(id: dialog.chosenItem?.id ?? "")
        case .deleteTOTP: .deleteTOTP
        case .deleteBackupCodes: .deleteBackupCodes
        case .disableMFA: .disableMFA
        case .deleteProfileImage: .deleteProfileImage
        case .verifyTOTP: .verifyTOTP(code: OneTimeCode(dialog.code.text.trimmingCharacters(in: .whitespaces)))
        case .deleteUser: .deleteUser
        }
    }
}

extension ActionDialog.Field {
    var isText: Bool {
        switch self {
        case .amount, .note, .code, .confirmation: true
        case .choice, .direction, .revokeSessions: false
        }
    }
}
