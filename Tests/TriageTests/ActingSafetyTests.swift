import ClerkAPI
import Terminal
import Testing
@testable import Triage

/// What is on screen is what a key acts on.
@Suite("Safe to act from")
struct ActingSafetyTests {
    @Test("while a new search loads, the old rows are dimmed and Enter, Space and y do nothing")
    func staleRowsAreInert() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.character("/"))
        _ = model.type("emma")
        _ = TriageUpdate.update(&model, .searchDue(generation: model.browse.generation))
        _ = model.press(.enter)
        #expect(model.browse.focus == .table)
        #expect(!model.browse.isCurrent)
        #expect(model.press(.enter).isEmpty && model.press(.character(" ")).isEmpty && model.press(.character("y")).isEmpty)
        guard case .browse = model.screen else { Issue.record("Enter opened a user from the old rows"); return }
        #expect(model.browse.marked.isEmpty)
        #expect(model.status?.text == "wait for the new results: these rows are from before")
        let grid = TriageView.render(model)
        #expect(grid.rowText(4).contains("First0 Last"), "the old rows stay for orientation")
        #expect(grid[2, 4].style.attributes.contains(.dim), "but are drawn dimmed")
        #expect(grid[2, 4].style != model.theme[.selection], "and without a selection")

        let emma = Fake.user(500, first: "Emma")
        _ = TriageUpdate.update(&model, .pageLoaded(generation: model.browse.generation, key: .init(offset: 0, limit: 35), prefetch: false, .success([emma])))
        _ = model.press(.enter)
        guard case .detail(let detail) = model.screen else { Issue.record("Enter did nothing on the new rows"); return }
        #expect(detail.userID == "user_500")
    }

    @Test("End labels the page that is coming, not the rows still on screen")
    func endWhileLoading() {
        var model = Fake.loaded(total: 2030)
        _ = model.press(.end)
        let summary = BrowseView.pageSummary(model)
        #expect(summary.hasPrefix("loading page 58 of 58"), "\(summary)")
        #expect(model.press(.enter).isEmpty, "page 1's rows are not page 58's")
        #expect(TriageView.render(model)[2, 4].style.attributes.contains(.dim))
    }

    @Test("at 80×24 without colour, a banned or locked user reads BAN or LOCK")
    func flagsSurviveNarrowWindows() {
        for width in [60, 80, 100] {
            var model = Fake.model(width: width, height: 24)
            _ = TriageUpdate.start(&model)
            var locked = Fake.user(1)
            locked.locked = true
            _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: model.pageSize), prefetch: false,
                                                        .success([Fake.user(0, banned: true), locked])))
            let rows = TriageView.render(model).rows
            #expect(rows[3].contains("Flags"), "width \(width): \(rows[3])")
            #expect(rows[4].contains("BAN") && rows[5].contains("LOCK"), "width \(width)")
        }
    }

    @Test("a failed reload keeps the user on screen, marked stale, with the error above")
    func failedReloadKeepsData() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.enter)
        #expect(model.press(.character("r")) == [.loadUser("user_0")])
        #expect(model.screenText.contains("First0 Last") && model.screenText.contains("reloading…"))
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_0", .failure(Fake.notFound)))
        let rows = TriageView.render(model).rows
        #expect(rows[1].contains("First0 Last") && rows[1].contains("STALE"))
        let error = rows.firstIndex { $0.contains("Clerk is briefly unavailable.") }
        let name = rows.lastIndex { $0.contains("First0 Last") }
        #expect(error != nil && name != nil && error! < name!, "the error is above the data")
        _ = model.press(.character("r"))
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_0", .success(Fake.user(0, first: "Fresh"))))
        #expect(!model.screenText.contains("STALE") && model.screenText.contains("Fresh Last"))
    }

    @Test("one store: a reloaded user changes the detail view, the row and the cached page at once")
    func oneStore() {
        var model = Fake.loaded(total: 100)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 35, limit: 35), prefetch: true, .success(Fake.users(35..<70))))
        _ = model.press(.enter)
        var banned = Fake.user(0, banned: true)
        banned.updatedAt += 1
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_0", .success(banned)))
        #expect(model.screenText.contains("BANNED"))
        _ = model.press(.escape)
        #expect(TriageView.render(model).rowText(4).contains("BAN"))
        var later = Fake.user(36, first: "Renamed")
        later.updatedAt += 1
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_36", .success(later)))
        _ = model.press(.pageDown)
        #expect(model.screenText.contains("Renamed Last"), "the prefetched page shows the newer copy")
        let stale = Fake.user(0, first: "Older")
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: 35), prefetch: true, .success([stale])))
        #expect(model.users["user_0"]?.banned == true, "an older copy never replaces a newer one")
    }
}

@Suite("Keys")
struct KeyTests {
    @Test("a key with no action says so and changes nothing else")
    func unboundKey() {
        var model = Fake.loaded(total: 3)
        #expect(model.press(.character("%")).isEmpty)
        #expect(model.status?.text == "% does nothing here · ? lists the keys")
        guard case .browse = model.screen else { Issue.record("moved"); return }
    }

    @Test("retry is reachable from a search field: Ctrl-R, and the error says so")
    func retryFromSearchField() {
        var model = Fake.model()
        _ = TriageUpdate.start(&model)
        _ = model.press(.character("/"))
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: 35), prefetch: false, .failure(Fake.notFound)))
        #expect(model.screenText.contains("Press Ctrl-R to retry."))
        #expect(model.type("r") == [], "r is text here")
        #expect(model.browse.form.query.text == "r")
        let retry = model.press(.control("r"))
        #expect(retry.contains { if case .loadPage = $0 { true } else { false } })
        _ = model.press(.escape)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: model.browse.generation, key: .init(offset: 0, limit: 35), prefetch: false, .failure(Fake.notFound)))
        #expect(model.screenText.contains("Press r or Ctrl-R to retry."))
    }

    @Test("every key goes through the keymap: Ctrl-C, Ctrl-L, Ctrl-Z and the digits can be rebound")
    func everythingRebinds() throws {
        var model = Fake.loaded(total: 3)
        try model.keymap.override(["global.quit": ["ctrl-q"], "global.repaint": ["f5"], "global.suspend": ["ctrl-y"], "detail.section-4": ["m"]])
        _ = model.press(.control("c"))
        #expect(!model.quitting)
        #expect(model.press(.function(5)) == [.repaint])
        #expect(model.press(.control("l")).isEmpty)
        #expect(model.press(.control("y")) == [.suspend])
        _ = model.press(.enter, .character("m"))
        guard case .detail(let detail) = model.screen else { Issue.record("not in detail"); return }
        #expect(detail.section == .metadata)
        _ = model.press(.character("4"))
        guard case .detail(let after) = model.screen else { Issue.record("not in the expected state"); return }
        #expect(after.section == .metadata && model.status?.text.contains("4 does nothing") == true)
        #expect(model.press(.control("q")) == [.quit])
    }

    @Test("help lists every bound action, wraps long lines, and includes Ctrl-Z")
    func helpIsComplete() throws {
        var model = Fake.loaded(total: 3)
        _ = model.press(.character("?"))
        let lines = HelpLayout.lines(model).map { $0.map(\.text).joined() }
        for action in TriageAction.allCases {
            #expect(lines.contains { $0.contains(action.summary.split(separator: " ").prefix(3).joined(separator: " ")) }, "\(action.id) missing")
        }
        #expect(lines.contains { $0.contains("Ctrl-Z") && $0.contains("suspend") })
        let rows = TriageView.render(model).rows
        #expect(rows.contains { $0.contains(":user ID, :email ADDRESS") })
        #expect(rows.contains { $0.contains("action (:ban, :credit…)") }, "the long line wraps instead of being cut")
        try model.keymap.override(["global.copy-email": []])
        #expect(!HelpLayout.lines(model).contains { $0.map(\.text).joined().contains("primary email") }, "unbound actions are not listed")
    }

    @Test("scrolling past the end is clamped, so the first key back moves the view")
    func scrollClamps() {
        var model = Fake.loaded(total: 3)
        _ = model.press(.enter)
        for _ in 0..<50 { _ = model.press(.down) }
        guard case .detail(let detail) = model.screen else { Issue.record("not in the expected state"); return }
        let end = detail.scroll[.profile] ?? 0
        _ = model.press(.up)
        guard case .detail(let after) = model.screen else { Issue.record("not in the expected state"); return }
        #expect(after.scroll[.profile] == max(0, end - 1))
        _ = model.press(.escape, .character("?"))
        for _ in 0..<100 { _ = model.press(.down) }
        guard case .help(let scroll) = model.overlay else { Issue.record("help closed"); return }
        _ = model.press(.up)
        guard case .help(let back) = model.overlay else { Issue.record("help closed"); return }
        #expect(back == max(0, scroll - 1) && scroll <= HelpLayout.lines(model).count)
    }

    @Test("the spinner turns only while something loads, not while a message is shown")
    func spinnerMeansLoading() {
        var model = Fake.loaded(total: 3)
        _ = TriageUpdate.update(&model, .countLoaded(generation: 1, .success(3)))
        _ = model.press(.character("y"))
        #expect(!model.isLoading && model.nextDeadline != nil)
        #expect(!TriageView.render(model).rowText(0).contains("loading"))
    }
}
