import ClerkAPI
import Terminal

/// The search pane, the user table and its paging.
public struct BrowseState: Sendable {
    public enum Focus: Sendable, Hashable {
        case table
        case field(SearchForm.Field)
    }

    public struct PageKey: Sendable, Hashable {
        public var offset: Int
        public var limit: Int

        public init(offset: Int, limit: Int) {
            self.offset = offset
            self.limit = limit
        }
    }

    public var form = SearchForm()
    public var focus = Focus.table
    public var order = UserOrder.newestFirst
    /// Index of the first user of the page on screen.
    public var offset = 0
    /// The users on screen. They stay while the next page or search loads.
    public var users: [User] = []
    public var pageState = PageState.initial
    public var total: Remote<Int> = .idle
    /// Row of the selection within the page.
    public var selection = 0
    /// Users chosen with Space for the bulk actions, by id.
    public var marked: Set<String> = []
    /// Bumped by every change of filter or order: answers to older searches are dropped.
    public var generation = 0
    /// The generation the rows on screen answer; behind `generation` while a new search is pending.
    public var shownGeneration = 0

    /// Text too short to search as you type is waiting for Enter.
    public var pendingShortSearch = false

    /// The rows on screen are the answer to the current filters and order.
    public var isCurrent: Bool {
        if case .ready = pageState { return shownGeneration == generation }
        return false
    }
    /// Pages fetched ahead for the current generation, so PgDn never waits.
    public var cache: [PageKey: [User]] = [:]

    public init() {}

    public enum PageState: Sendable {
        /// Nothing asked yet.
        case initial
        case loading
        /// `users` is the answer for the current search and offset.
        case ready
        case failed(ClerkAPIError)
    }

    public var isLoadingPage: Bool {
        if case .loading = pageState { return true }
        return false
    }

    public var selectedUser: User? {
        users.indices.contains(selection) ? users[selection] : nil
    }
}
