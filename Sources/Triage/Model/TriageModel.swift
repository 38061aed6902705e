import ClerkAPI
import ClerkActions
import Terminal

/// Everything the console shows, in one value. Only `update` changes it; `view` draws it.
public struct TriageModel: Sendable {
    public enum Screen: Sendable {
        case browse
        case detail(DetailState)
        case metadata(MetadataEditor)
    }

    public enum Overlay: Sendable {
        case none
        case help(scroll: Int)
        case commandLine(TextField)
        case dialog(ActionDialog)
        case menu(ActionMenu)
        case queue(selection: Int)
        case audit(AuditPanel)
        /// Commands an earlier session left unfinished, offered for resuming at start.
        case resume([UnfinishedCommand])
        /// `q` with commands unfinished: wait, or quit and resume them next time.
        case quitWithUnfinished
        /// `:instance NAME` with commands unfinished: wait, or switch and resume them next time.
        case switchWithUnfinished(String)
    }

    public struct StatusMessage: Sendable, Hashable {
        public var text: String
        public var isError: Bool
        /// When it appeared; it fades after `lifetime`.
        public var shownAt: UnixMillis

        public init(text: String, isError: Bool, shownAt: UnixMillis) {
            self.text = text
            self.isError = isError
            self.shownAt = shownAt
        }

        public static let lifetime: UnixMillis = 6_000

        public var expiresAt: UnixMillis { shownAt + Self.lifetime }
    }

    public var instance: Instance
    public var theme: Theme
    public var keymap: TriageKeymap
    public var size: Size
    /// Wall-clock time for "3h ago" and for fading messages; arrives as `Msg.clock`.
    public var now: UnixMillis
    public var screen = Screen.browse
    public var browse = BrowseState()
    public var users = UserStore()
    public var overlay = Overlay.none
    public var status: StatusMessage?
    public var spinnerTick = 0
    public var quitting = false
    /// Commands of this session and unfinished ones of earlier sessions.
    public var queue = QueueState()
    /// Which instance commands are for, as the journal and audit log name it (never the key).
    public var identity: InstanceIdentity
    /// Every mutating action is removed from keys, menus and help, and refused as a command.
    public var readOnly = false
    /// The config file's instances, for `:instance`.
    public var instanceNames: [String] = []
    /// Set by `:instance NAME`: this session ends, and the console reopens on that instance.
    public var nextInstance: String?
    /// `:instance NAME` waiting for the unfinished commands, as `q` can wait for them.
    public var switchWhenIdle: String?

    /// Smaller than this, the console asks for a bigger window instead of drawing garbage.
    public static let minimumSize = Size(width: 60, height: 12)

    public init(instance: Instance, theme: Theme, keymap: TriageKeymap = TriageKeymap(), size: Size, now: UnixMillis,
                identity: InstanceIdentity? = nil, readOnly: Bool = false) {
        self.instance = instance
        self.identity = identity ?? InstanceIdentity(host: instance.baseURL, keyKind: instance.kind == .production ? .production : .development)
        self.readOnly = readOnly
        self.theme = theme
        self.keymap = keymap
        self.size = size
        self.now = now
    }

    /// Rows the table has for users at the current size: the page size.
    public var pageSize: Int { max(1, size.height - BrowseLayout.chromeRows) }

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Something is on its way from the API: the spinner turns.
    public var isLoading: Bool {
        if browse.isLoadingPage || browse.total.isLoading { return true }
        if case .detail(let detail) = screen { return detail.isLoading }
        return false
    }

    /// When the model next changes by itself (a message fading), for the runtime's timer.
    public var nextDeadline: UnixMillis? { status?.expiresAt }

    /// The rows on screen, from the store.
    public var rows: [User] { browse.rowIDs.compactMap { users[$0] } }

    /// The user the table's selection is on, only while the rows are current.
    public var selectedUser: User? { browse.selectedID.flatMap { users[$0] } }

    mutating func say(_ text: String, isError: Bool = false) {
        status = StatusMessage(text: text, isError: isError, shownAt: now)
    }
}

/// Row budget of the browse screen.
public enum BrowseLayout {
    /// Header, two search rows, table header, status bar.
    public static let chromeRows = 5
}
