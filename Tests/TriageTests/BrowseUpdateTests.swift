import ClerkAPI
import Terminal
import Testing
@testable import Triage

@Suite("Browse: update")
struct BrowseUpdateTests {
    @Test("opening asks for the first page and the total at once")
    func start() {
        var model = Fake.model()
        let effects = TriageUpdate.start(&model)
        #expect(model.pageSize == 35)
        #expect(effects == [
            .loadPage(UserListQuery(limit: 35), generation: 1, prefetch: false),
            .loadCount(UserFilter(), generation: 1),
        ])
        #expect(model.isLoading)
    }

    @Test("a page arrives: rows shown, next page prefetched")
    func pageArrives() {
        var model = Fake.model()
        _ = TriageUpdate.start(&model)
        _ = TriageUpdate.update(&model, .countLoaded(generation: 1, .success(100)))
        let effects = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: 35), prefetch: false, .success(Fake.users(0..<35))))
        #expect(model.rows.count == 35)
        #expect(effects == [.loadPage(UserListQuery(limit: 35, offset: 35), generation: 1, prefetch: true)])
    }

    @Test("typing waits for a pause, and answers to older searches are dropped")
    func typingIsDebouncedAndLatestWins() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.character("/"))
        #expect(model.browse.focus == .field(.query))
        let typed = model.type("ana")
        #expect(typed == [.debounceSearch(generation: 4)], "a and an are too short to search as you type")
        #expect(TriageUpdate.update(&model, .searchDue(generation: 3)).isEmpty, "a stale pause does nothing")
        var filter = UserFilter()
        filter.query = "ana"
        #expect(TriageUpdate.update(&model, .searchDue(generation: 4)) == [
            .loadPage(UserListQuery(filter: filter, limit: 35), generation: 4, prefetch: false), .loadCount(filter, generation: 4),
        ])
        let before = model.rows
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 3, key: .init(offset: 0, limit: 35), prefetch: false, .success([Fake.user(999)])))
        #expect(model.rows == before, "an answer for generation 3 never reaches the screen")
        #expect(!model.browse.isCurrent, "the rows on screen answer an older search")
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 4, key: .init(offset: 0, limit: 35), prefetch: false, .success([Fake.user(7)])))
        #expect(model.browse.isCurrent && model.rows.map(\.id) == ["user_7"])
        #expect(model.type("q").count == 1 && !model.quitting, "q in a search field is text, not quit")
    }

    @Test("short Latin text waits for Enter; two CJK characters search at once")
    func shortText() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.character("/"))
        #expect(model.type("li").isEmpty)
        #expect(model.browse.pendingShortSearch)
        #expect(model.screenText.contains("Enter searches now"))
        var filter = UserFilter()
        filter.query = "li"
        #expect(model.press(.enter).contains(.loadCount(filter, generation: model.browse.generation)))
        #expect(model.browse.focus == .table)
        _ = model.press(.character("/"), .control("u"))
        #expect(model.type("佐藤") == [.debounceSearch(generation: model.browse.generation - 1), .debounceSearch(generation: model.browse.generation)])
    }

    @Test("Tab moves through the fields; the banned filter cycles; Enter returns to the table")
    func searchFields() {
        var model = Fake.loaded(total: 10)
        _ = model.press(.character("/"), .tab)
        #expect(model.browse.focus == .field(.email))
        _ = model.press(.tab, .tab)
        #expect(model.browse.focus == .field(.banned))
        let effects = model.press(.character(" "))
        #expect(model.browse.form.banned == .banned)
        #expect(effects == [.debounceSearch(generation: 2)])
        _ = model.press(.enter)
        #expect(model.browse.focus == .table)
    }

    @Test("PgDn shows a prefetched page at once and prefetches the next")
    func pagingUsesTheCache() {
        var model = Fake.loaded(total: 100)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 35, limit: 35), prefetch: true, .success(Fake.users(35..<70))))
        let effects = model.press(.pageDown)
        #expect(model.browse.offset == 35)
        #expect(model.rows.first?.id == "user_35")
        #expect(effects == [.loadPage(UserListQuery(limit: 35, offset: 70), generation: 1, prefetch: true)])
        #expect(BrowseView.pageSummary(model).hasPrefix("page 2 of 3 · 100 users"))
    }

    @Test("moving the selection never asks the network")
    func selectionIsLocal() {
        var model = Fake.loaded(total: 100)
        for _ in 0..<10 { #expect(model.press(.down).isEmpty) }
        #expect(model.browse.selection == 10)
        #expect(model.press(.up, .character("k")).isEmpty)
        #expect(model.browse.selection == 8)
    }

    @Test("End goes to the last page; Home back to the first")
    func endAndHome() {
        var model = Fake.loaded(total: 100)
        let effects = model.press(.end)
        #expect(model.browse.offset == 70)
        #expect(model.browse.selection == 29)
        #expect(effects == [.loadPage(UserListQuery(limit: 35, offset: 70), generation: 1, prefetch: false)])
        _ = model.press(.home)
        #expect(model.browse.offset == 0 && model.browse.selection == 0)
    }

    @Test("Space marks for bulk actions; the count is shown")
    func marking() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.character(" "), .character(" "))
        #expect(model.browse.marked == ["user_0", "user_1"])
        #expect(model.screenText.contains("2 marked"))
        _ = model.press(.character("u"))
        #expect(model.browse.marked.isEmpty)
    }

    @Test("s cycles the sort column, S flips it; both search again")
    func sorting() {
        var model = Fake.loaded(total: 100)
        let effects = model.press(.character("s"))
        #expect(model.browse.order == UserOrder(.lastActiveAt, .descending))
        #expect(effects.first == .loadPage(UserListQuery(order: UserOrder(.lastActiveAt, .descending), limit: 35), generation: 2, prefetch: false))
        _ = model.press(.character("S"))
        #expect(model.browse.order == UserOrder(.lastActiveAt, .ascending))
        #expect(model.screenText.contains("sort +last_active_at"))
    }

    @Test("an error is a screen with long_message, trace id and a retry key")
    func errorState() {
        var model = Fake.model()
        _ = TriageUpdate.start(&model)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: 35), prefetch: false, .failure(Fake.notFound)))
        let screen = model.screenText
        #expect(screen.contains("Clerk is briefly unavailable."))
        #expect(screen.contains("trace id: trace-xyz"))
        #expect(screen.contains("Press r or Ctrl-R to retry."))
        let retry = model.press(.character("r"))
        #expect(retry.contains(.loadCount(UserFilter(), generation: 2)))
    }

    @Test("no results is a screen of its own")
    func emptyState() {
        var model = Fake.model()
        _ = model.press(.character("/"))
        _ = model.type("zzzz")
        let generation = model.browse.generation
        _ = TriageUpdate.update(&model, .searchDue(generation: generation))
        _ = TriageUpdate.update(&model, .pageLoaded(generation: generation, key: .init(offset: 0, limit: 35), prefetch: false, .success([])))
        #expect(model.screenText.contains("No users match these filters."))
    }

    @Test("a resize changes the page size and keeps the selected user on screen")
    func resize() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.pageDown)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 35, limit: 35), prefetch: false, .success(Fake.users(35..<70))))
        for _ in 0..<20 { _ = model.press(.down) }
        #expect(model.selectedUser?.id == "user_55")
        let effects = TriageUpdate.update(&model, .resize(Size(width: 100, height: 25)))
        #expect(model.pageSize == 20)
        #expect(model.browse.offset == 40 && model.browse.selection == 15)
        #expect(effects.contains(.repaint))
        #expect(effects.contains(.loadPage(UserListQuery(limit: 20, offset: 40), generation: 1, prefetch: false)))
    }

    @Test("y copies the selected id")
    func copy() {
        var model = Fake.loaded(total: 3)
        #expect(model.press(.character("y")) == [.copyToClipboard("user_0")])
        #expect(model.status?.text == "copied user_0 to the clipboard")
    }
}
