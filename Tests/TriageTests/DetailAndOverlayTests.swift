import ClerkAPI
import Terminal
import Testing
@testable import Triage

@Suite("Detail, help and command line")
struct DetailAndOverlayTests {
    @Test("Enter opens the user; Esc returns with selection and page intact")
    func openAndBack() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.down, .down, .enter)
        guard case .detail(let detail) = model.screen else { Issue.record("not in detail"); return }
        #expect(detail.userID == "user_2")
        #expect(model.screenText.contains("First2 Last"))
        _ = model.press(.escape)
        guard case .browse = model.screen else { Issue.record("not back"); return }
        #expect(model.browse.selection == 2)
    }

    @Test("sections show identifications, MFA and metadata; organisations and billing load once, lazily")
    func sections() {
        var model = Fake.loaded(total: 3)
        var user = Fake.user(0)
        user.publicMetadata = ["plan": "pro", "limits": ["seats": 5]]
        user.totpEnabled = true
        user.twoFactorEnabled = true
        model.users.put(user)
        _ = model.press(.enter)
        _ = model.press(.character("2"))
        #expect(model.screenText.contains("u0@example.com"))
        #expect(model.screenText.contains("★ primary"))
        _ = model.press(.character("3"))
        #expect(model.screenText.contains("Two-factor") && model.screenText.contains("enabled"))
        _ = model.press(.character("4"))
        #expect(model.screenText.contains("\"seats\": 5"))
        let organizations = model.press(.tab)
        #expect(organizations == [.loadMemberships("user_0"), .loadInvitations("user_0")])
        #expect(model.press(.backTab, .tab).isEmpty, "loaded once")
        _ = TriageUpdate.update(&model, .membershipsLoaded(id: "user_0", .success(PaginatedList(data: [], totalCount: 0))))
        _ = TriageUpdate.update(&model, .invitationsLoaded(id: "user_0", .success(PaginatedList(data: [], totalCount: 0))))
        #expect(model.screenText.contains("Memberships"))
        let billing = model.press(.tab)
        #expect(billing == [.loadCredits("user_0"), .loadSubscription("user_0")])
        _ = TriageUpdate.update(&model, .subscriptionLoaded(id: "user_0", .success(nil)))
        _ = TriageUpdate.update(&model, .creditsLoaded(id: "user_0", .success(CreditBalance(balance: Money(amount: 1250, amountFormatted: "12.50", currency: "USD", currencySymbol: "$")))))
        #expect(model.screenText.contains("$12.50 USD"))
        #expect(model.screenText.contains("no subscription"))
    }

    @Test("answers about a user no longer open never reach the user on screen")
    func staleDetailAnswers() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.enter, .character("5"))
        #expect(model.press(.escape) == [.cancelUserLoads], "leaving cancels the open user's requests")
        _ = model.press(.down, .enter)
        guard case .detail(let before) = model.screen, before.userID == "user_1" else { Issue.record("user_1 is not open"); return }
        let late = PaginatedList(data: [OrganizationMembership.fake(organization: "Old Org")], totalCount: 1)
        _ = TriageUpdate.update(&model, .membershipsLoaded(id: "user_0", .success(late)))
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_0", .failure(Fake.notFound)))
        guard case .detail(let after) = model.screen else { Issue.record("left the detail view"); return }
        #expect(after.userID == "user_1")
        #expect(after.memberships.isIdle, "user_0's memberships are not user_1's")
        #expect(after.fetch.error == nil, "user_0's failure is not user_1's")
        let screen = model.screenText
        #expect(screen.contains("First1 Last") && !screen.contains("First0") && !screen.contains("unavailable"))
    }

    @Test("the help overlay is generated from the keymap and closes on any key")
    func help() throws {
        var model = Fake.loaded(total: 3)
        try model.keymap.override(["table.next-page": ["n"]])
        _ = model.press(.character("?"))
        let screen = model.screenText
        #expect(screen.contains("next page"))
        #expect(screen.contains("n                     next page"))
        _ = model.press(.character("x"))
        guard case .none = model.overlay else { Issue.record("still open"); return }
    }

    @Test(":user opens a user by id, :email filters, :theme asks for a theme, :quit quits")
    func commands() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character(":"))
        _ = model.type("user user_42")
        #expect(model.press(.enter) == [.cancelUserLoads, .loadUser("user_42")])
        guard case .detail(let detail) = model.screen, detail.fetch.isLoading else { Issue.record("not loading user_42"); return }
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_42", .failure(Fake.notFound)))
        #expect(model.screenText.contains("Clerk is briefly unavailable."))

        _ = model.press(.character(":"))
        _ = model.type("email ana@example.com")
        let effects = model.press(.enter)
        #expect(model.browse.form.email.text == "ana@example.com")
        var filter = UserFilter()
        filter.emailAddressQuery = "ana@example.com"
        #expect(effects.contains(.loadCount(filter, generation: model.browse.generation)))

        _ = model.press(.character(":"))
        _ = model.type("theme light")
        #expect(model.press(.enter) == [.loadTheme("light")])

        _ = model.press(.character(":"))
        _ = model.type("frobnicate")
        _ = model.press(.enter)
        #expect(model.status?.isError == true && model.status?.text.contains(":user ID") == true)

        _ = model.press(.character(":"))
        _ = model.type("q")
        #expect(model.press(.enter) == [.quit] && model.quitting)
    }

    @Test("q and Ctrl-C quit; a status message fades")
    func quitAndStatus() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("y"))
        _ = TriageUpdate.update(&model, .clock(model.now + TriageModel.StatusMessage.lifetime - 1))
        #expect(model.status != nil)
        #expect(model.nextDeadline == Fake.now + TriageModel.StatusMessage.lifetime)
        _ = TriageUpdate.update(&model, .clock(model.now + 2))
        #expect(model.status == nil && model.nextDeadline == nil)
        #expect(model.press(.control("c")) == [.quit])
    }
}

@Suite("Views")
struct ViewTests {
    @Test("the browse screen at 120×40: header, search, table and page summary")
    func browseScreen() {
        let model = Fake.loaded(total: 4118)
        let rows = TriageView.render(model).rows
        #expect(rows.count == 40 && rows.allSatisfy { DisplayWidth.of($0) == 120 })
        #expect(rows[0].contains("SANDBOX") && rows[0].contains("sk_test_…abcd"))
        #expect(rows[1].hasPrefix(" Search "))
        #expect(rows[3].contains("Name") && rows[3].contains("Last active") && rows[3].contains("Created ▼"))
        #expect(rows[4].contains("First0 Last") && rows[4].contains("u0@example.com") && rows[4].contains("3h ago"))
        #expect(rows[39].contains("page 1 of 118 · 4,118 users · sort -created_at"))
    }

    @Test("production is announced in the header")
    func productionHeader() {
        var model = Fake.model(kind: .production)
        _ = TriageUpdate.start(&model)
        #expect(model.screenText.split(separator: "\n")[0].contains("PRODUCTION"))
    }

    @Test("names in any script keep the columns aligned")
    func alignment() {
        var model = Fake.loaded(total: 3)
        model.show([Fake.user(0, first: "王芳"), Fake.user(1, first: "Zoë"), Fake.user(2, first: "נועה")])
        let rows = TriageView.render(model).rows
        let emailColumn = rows[4].range(of: "u0@")
        #expect(emailColumn != nil)
        let offsets = (4...6).map { index -> Int in
            let row = rows[index]
            guard let range = row.range(of: "u\(index - 4)@") else { return -1 }
            return DisplayWidth.of(String(row[..<range.lowerBound]))
        }
        #expect(Set(offsets).count == 1, "email starts at the same column: \(offsets)")
    }

    @Test("a hostile name is drawn as placeholders, never as escapes")
    func hostileName() {
        var model = Fake.loaded(total: 1)
        model.show([Fake.user(0, first: "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{202E}evil")])
        let grid = TriageView.render(model)
        let text = grid.rows.joined()
        #expect(text.contains("␛]0;PWNED␇␛[2J"))
        #expect(!grid.cells.contains { cell in cell.character.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E } })
    }

    @Test("a terminal smaller than the minimum asks to be enlarged", arguments: [Size(width: 59, height: 30), Size(width: 100, height: 11)])
    func tooSmall(size: Size) {
        var model = Fake.loaded(total: 3)
        _ = TriageUpdate.update(&model, .resize(size))
        #expect(model.screenText.contains("Enlarge the window"))
    }

    @Test("loading shows a spinner; the header spinner turns while busy")
    func loading() {
        var model = Fake.model()
        _ = TriageUpdate.start(&model)
        #expect(model.screenText.contains("Loading users…"))
        let before = TriageView.render(model).rowText(0)
        _ = TriageUpdate.update(&model, .tick)
        #expect(TriageView.render(model).rowText(0) != before)
    }
}
