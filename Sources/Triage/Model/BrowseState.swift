import ClerkAPI
import Terminal

/// The search pane, the user table and its paging. Pages hold user ids; the users themselves are
/// in the model's `UserStore`.
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

    /// The rows on screen and the question they answer: which search (generation) and which page.
    public struct Page: Sendable, Hashable {
        public var generation: Int
        public var offset: Int
        public var ids: [String]
    }

    public var form = SearchForm()
    public var focus = Focus.table
    public var order = UserOrder.newestFirst
    /// Index of the first user of the page asked for.
    public var offset = 0
    /// The rows on screen. They may answer an earlier search or another page while the asked-for
    /// page loads: then they are drawn dimmed and nothing acts on them (see `isCurrent`).
    public var shown: Page?
    public var pageState = PageState.initial
    public var total: Remote<Int> = .idle
    /// Row of the selection within the page.
    public var selection = 0
    /// Users chosen with Space for the bulk actions, by id.
    public var marked: Set<String> = []
    /// Bumped by every change of filter or order: answers to older searches are dropped.
    public var generation = 0
    /// Text too short to search as you type is waiting for Enter.
    public var pendingShortSearch = false
    /// Pages fetched ahead for the current generation, so PgDn never waits.
    public var cache: [PageKey: [String]] = [:]

    public init() {}

    public enum PageState: Sendable, Hashable {
        /// Nothing asked yet.
        case initial
        case loading
        /// `shown` is the answer for the current search and offset.
        case ready
        case failed(ClerkAPIError)
    }

    /// The rows on screen answer the current filters, order and page: only then may a key act
    /// on them.
    public var isCurrent: Bool {
        guard case .ready = pageState, let shown else { return false }
        return shown.generation == generation && shown.offset == offset
    }

    public var isLoadingPage: Bool { pageState == .loading }

    public var rowIDs: [String] { shown?.ids ?? [] }

    /// The selected user's id, only while the rows are current.
    public var selectedID: String? {
        guard isCurrent, let ids = shown?.ids, ids.indices.contains(selection) else { return nil }
        return ids[selection]
    }
}
