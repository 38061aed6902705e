import ClerkAPI
import Foundation
import ClerkActions
import Terminal
import Testing
@testable import Triage

@Suite("Actions: dialogs, menu, queue")
struct ActionDialogTests {
    static func enqueued(_ effects: [Effect]) -> Command? {
        for effect in effects { if case .enqueue(let command) = effect { return command } }
        return nil
    }

    @Test("B opens the ban dialog with Cancel focused: Enter cancels, Tab then Enter queues, and the row says so at once")
    func banFromTheTable() {
        var model = Fake.loaded(total: 3)
        #expect(model.press(.character("B")).isEmpty)
        guard case .dialog(let dialog) = model.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.focus == .cancel && dialog.userIDs == ["user_0"])
        let screen = model.screenText
        #expect(screen.contains("User      First0 Last") && screen.contains("Email     u0@example.com") && screen.contains("User id   user_0"))
        #expect(screen.contains("Instance  SANDBOX"))
        #expect(screen.contains("Signs this user out everywhere"))
        #expect(model.press(.enter).isEmpty, "Enter on Cancel sends nothing")
        #expect(model.status?.text == "cancelled: nothing was sent")
        _ = model.press(.character("B"))
        #expect(model.press(.escape).isEmpty)
        _ = model.press(.character("B"), .control("c"))
        #expect(!model.quitting, "Ctrl-C in a dialog cancels it, it does not quit")
        _ = model.press(.character("B"), .tab)
        let command = Self.enqueued(model.press(.enter))
        #expect(command?.action == .ban && command?.userIDs == ["user_0"])
        let rows = TriageView.render(model).rows
        #expect(rows[4].contains("ban queued"), "\(rows[4])")
        #expect(rows[0].contains("1 queued"))
    }

    @Test("a bulk ban lists the marked users and sends one command for all of them")
    func bulkBan() {
        var model = Fake.loaded(total: 40)
        _ = model.press(.character(" "), .character(" "), .character(" "), .character("B"))
        guard case .dialog(let dialog) = model.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.userIDs.count == 3)
        let screen = model.screenText
        #expect(screen.contains("3 marked users") && screen.contains("u1@example.com") && screen.contains("Ban 3 users"))
        _ = model.press(.tab)
        let command = Self.enqueued(model.press(.enter))
        #expect(Set(command?.userIDs ?? []) == ["user_0", "user_1", "user_2"])
        #expect(model.browse.marked.isEmpty, "marks are cleared once the bulk command is queued")

        for _ in 0..<10 { _ = model.press(.character(" ")) }
        _ = model.press(.character("L"))
        #expect(model.screenText.contains("1–8 of 10 · PgUp PgDn scroll the list"))
        _ = model.press(.pageDown)
        #expect(model.screenText.contains("3–10 of 10"), "the list of affected users scrolls")
        _ = model.press(.pageUp)
        #expect(model.screenText.contains("1–8 of 10"))
    }

    @Test("credit: the amount is checked as typed, the balance shows before and after, a bad amount sends nothing")
    func credit() {
        var model = Fake.loaded(total: 3)
        let effects = model.press(.character("C"))
        #expect(effects == [.loadCredits("user_0")])
        _ = TriageUpdate.update(&model, .creditsLoaded(id: "user_0", .success(CreditBalance(balance: Money(amount: 1000, amountFormatted: "10.00", currency: "USD", currencySymbol: "$")))))
        guard case .dialog(let opened) = model.overlay else { Issue.record("no dialog"); return }
        #expect(opened.focus == .field(.amount), "the amount is where typing goes")
        _ = model.type("12.5x")
        #expect(model.screenText.contains("'12.5x' is not an amount"))
        _ = model.press(.backspace, .character("0"))
        #expect(model.screenText.contains("= 1,250 cents") && model.screenText.contains("$10.00 USD → $22.50 USD"))
        _ = model.press(.tab)
        _ = model.type("goodwill")
        _ = model.press(.tab, .tab)
        let command = Self.enqueued(model.press(.enter))
        guard case .adjustCredit(let change)? = command?.action else { Issue.record("no credit command"); return }
        #expect(change.amountCents == 1250 && change.direction == .increase && change.note == "goodwill" && !change.idempotencyKey.isEmpty)

        _ = model.press(.character("C"))
        _ = model.type("0.001")
        _ = model.press(.tab, .tab, .tab)
        #expect(model.press(.enter).isEmpty, "nothing is sent")
        guard case .dialog(let refused) = model.overlay else { Issue.record("the dialog closed"); return }
        #expect(refused.focus == .field(.amount) && refused.error?.contains("more than two decimals") == true)
    }

    @Test("credit for a user with no credits yet: after the amount shows, in the billing currency")
    func creditWithoutBalance() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("C"))
        _ = TriageUpdate.update(&model, .creditsLoaded(id: "user_0", .success(CreditBalance(balance: nil))))
        #expect(model.screenText.contains("no credits yet"))
        _ = model.type("7.05")
        #expect(model.screenText.contains("no credits yet → 7.05 in the instance's billing currency"), "\(model.screenText)")
    }

    @Test("on production, deleting a user asks for the email or id typed out, with the banner in the dialog")
    func productionConfirmation() {
        var model = Fake.model(kind: .production)
        _ = TriageUpdate.start(&model)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: 35), prefetch: false, .success(Fake.users(0..<3))))
        _ = model.press(.character("D"))
        #expect(model.screenText.contains("PRODUCTION") && model.screenText.contains("type the user's email or id"))
        _ = model.press(.tab)
        #expect(model.press(.tab, .enter).isEmpty)
        guard case .dialog(let dialog) = model.overlay else { Issue.record("the dialog closed"); return }
        #expect(dialog.focus == .field(.confirmation) && dialog.error?.contains("Type the user's primary email") == true)
        _ = model.type("U0@example.com")
        _ = model.press(.tab, .tab)
        #expect(Self.enqueued(model.press(.enter))?.action == .deleteUser)
    }

    @Test("an action that does not apply says why; read-only removes every mutating action")
    func applicabilityAndReadOnly() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("N"))
        #expect(model.status?.text == "First0 Last is not banned")
        model.readOnly = true
        #expect(model.press(.character("B")).isEmpty)
        guard case .none = model.overlay else { Issue.record("a dialog opened in read-only mode"); return }
        _ = model.press(.character(":"))
        _ = model.type("ban")
        _ = model.press(.enter)
        #expect(model.status?.text.contains("read-only") == true)
        #expect(TriageView.render(model).rowText(0).contains("READ-ONLY"))
        #expect(!HelpLayout.lines(model).contains { $0.map(\.text).joined().contains("ban (:ban)") })
    }

    @Test("the action menu lists what applies, filters by typing, and opens the chosen dialog")
    func menu() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("a"))
        guard case .menu(let menu) = model.overlay else { Issue.record("no menu"); return }
        #expect(menu.items.contains(.ban) && !menu.items.contains(.unban) && !menu.items.contains(.deletePasskey))
        _ = model.type("lo")
        guard case .menu(let filtered) = model.overlay else { Issue.record("not in the expected state"); return }
        #expect(filtered.visible == [.lock])
        _ = model.press(.enter)
        guard case .dialog(let dialog) = model.overlay else { Issue.record("no dialog"); return }
        #expect(dialog.kind == .lock)
    }

    @Test("queue events update the row, the header and the store; the panel retries, undoes and cancels")
    func queueEvents() throws {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("B"), .tab)
        let command = try #require(Self.enqueued(model.press(.enter)))
        _ = TriageUpdate.update(&model, .command(.running(command)))
        #expect(TriageView.render(model).rowText(4).contains("ban running") && model.screenText.contains("1 running"))
        var banned = Fake.user(0, banned: true)
        banned.updatedAt += 1
        _ = TriageUpdate.update(&model, .command(.finished(command, CommandResult(users: [banned]))))
        let row = TriageView.render(model).rowText(4)
        #expect(row.contains("BAN") && row.contains("ban ✓"))
        #expect(model.screenText.contains("1 done"))

        _ = model.press(.character("Q"))
        #expect(model.screenText.contains("Commands") && model.screenText.contains("done"))
        let undo = Self.enqueued(model.press(.character("z")))
        #expect(undo?.action == .unban && undo?.userIDs == ["user_0"])
        _ = model.press(.down)
        #expect(model.press(.character("r")).isEmpty && model.status?.text.contains("only a failed command") == true)
        _ = TriageUpdate.update(&model, .command(.failed(command, Fake.notFound)))
        _ = model.press(.character("j"))
        #expect(model.press(.character("r")) == [.retryCommand(command.id)])
        #expect(model.screenText.contains("Clerk is briefly unavailable.") && model.screenText.contains("trace trace-xyz"))
    }

    @Test("q with commands unfinished asks; waiting quits when they are done")
    func quitWithUnfinished() throws {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("L"), .tab)
        let command = try #require(Self.enqueued(model.press(.enter)))
        #expect(model.press(.character("q")).isEmpty && !model.quitting)
        guard case .quitWithUnfinished = model.overlay else { Issue.record("did not ask"); return }
        #expect(model.screenText.contains("1 command is not finished"))
        _ = model.press(.enter)
        #expect(!model.quitting)
        var locked = Fake.user(0)
        locked.locked = true
        locked.updatedAt += 1
        #expect(TriageUpdate.update(&model, .command(.finished(command, CommandResult(users: [locked])))) == [.quit])
    }

    @Test("unfinished commands from last time are offered at start; Enter resumes them")
    func resumeAtStart() throws {
        var model = Fake.model()
        let command = try Command(.lock, userIDs: ["user_1", "user_2"], instance: model.identity)
        let unfinished = [UnfinishedCommand(command: command, completedUserIDs: ["user_1"])]
        _ = TriageUpdate.start(&model, unfinished: unfinished)
        #expect(model.screenText.contains("Unfinished commands from last time") && model.screenText.contains("Enter resume"))
        #expect(model.press(.enter) == [.resume(unfinished)])
        #expect(model.queue.unfinished == 1)
    }

    @Test("a hostile name in a dialog is drawn as placeholders")
    func hostileNameInDialog() {
        var model = Fake.loaded(total: 1)
        model.show([Fake.user(0, first: "\u{1B}]0;PWNED\u{07}\u{1B}[2J")])
        _ = model.press(.character("B"))
        let grid = TriageView.render(model)
        #expect(grid.rows.joined().contains("␛]0;PWNED␇␛[2J"))
        #expect(!grid.cells.contains { $0.character.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
    }
}

@Suite("Actions: trusted devices")
struct TrustedDeviceDialogTests {
    static func device(_ id: String, _ name: String, revoked: Bool = false) -> TrustedDevice {
        let json = """
        {"object":"trusted_device","id":"\(id)","platform":"ios","app_identifier":"com.example","name":"\(name)","algorithm":"ES256",
         "status":"\(revoked ? "revoked" : "active")","created_at":1,"updated_at":1,"last_used_at":null,"revoked_at":\(revoked ? "2" : "null")}
        """
        return try! JSONDecoder().decode(TrustedDevice.self, from: Data(json.utf8))
    }

    @Test("revoke: the devices load into the dialog, revoked ones left out; nothing is sent before one is chosen")
    func revoke() throws {
        var model = Fake.loaded(total: 3)
        #expect(model.press(.character("O")) == [.loadTrustedDevices("user_0")])
        #expect(model.screenText.contains("loading…"))
        focus(.confirm, &model)
        #expect(model.press(.enter).isEmpty, "nothing to send while the devices load")
        let list = PaginatedList(data: [Self.device("td_1", "Work phone"), Self.device("td_2", "Old tablet", revoked: true), Self.device("td_3", "Laptop")], totalCount: 3)
        _ = TriageUpdate.update(&model, .trustedDevicesLoaded(id: "user_0", .success(list)))
        #expect(model.screenText.contains("Work phone") && model.screenText.contains("1 of 2"))
        focus(.field(.choice), &model)
        _ = model.press(.right)
        guard case .dialog(let dialog) = model.overlay else { Issue.record("the dialog closed"); return }
        #expect(dialog.chosenItem?.id == "td_3")
        focus(.confirm, &model)
        let command = ActionDialogTests.enqueued(model.press(.enter))
        #expect(command?.action == .revokeTrustedDevice(id: "td_3"))
    }

    /// Tabs until `target` has focus.
    func focus(_ target: ActionDialog.Focus, _ model: inout TriageModel) {
        for _ in 0..<4 {
            guard case .dialog(let dialog) = model.overlay else { Issue.record("the dialog closed"); return }
            if dialog.focus == target { return }
            _ = model.press(.tab)
        }
        Issue.record("could not focus \(target)")
    }
}

@Suite("Actions: naming what is deleted")
struct NamedDeletionTests {
    @Test("deleting a user's only passkey names it in the dialog, and sends its id")
    func onlyPasskey() {
        var model = Fake.loaded(total: 3)
        var user = Fake.user(0)
        user.passkeys = [Passkey(id: "pk_only", name: "Office YubiKey", lastUsedAt: Fake.now - 60_000, verification: nil)]
        user.updatedAt += 1
        model.users.put(user)
        _ = model.press(.character("X"))
        #expect(model.screenText.contains("Which       Office YubiKey · last used"))
        _ = model.press(.tab)
        #expect(ActionDialogTests.enqueued(model.press(.enter))?.action == .deletePasskey(id: "pk_only"))
    }
}
