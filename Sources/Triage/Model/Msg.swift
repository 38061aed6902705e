import ClerkAPI
import ClerkActions
import Foundation
import Terminal

/// Everything that can happen to the console: input, time, and answers from the API.
public enum Msg: Sendable {
    case key(Key)
    case resize(Size)
    /// The wall clock, before every batch of messages: the model never reads a clock itself.
    case clock(UnixMillis)
    /// The spinner's timer.
    case tick
    case terminate
    case searchDue(generation: Int)
    case pageLoaded(generation: Int, key: BrowseState.PageKey, prefetch: Bool, Result<[User], ClerkAPIError>)
    case countLoaded(generation: Int, Result<Int, ClerkAPIError>)
    case userLoaded(id: String, Result<User, ClerkAPIError>)
    case membershipsLoaded(id: String, Result<PaginatedList<OrganizationMembership>, ClerkAPIError>)
    case invitationsLoaded(id: String, Result<PaginatedList<OrganizationInvitation>, ClerkAPIError>)
    case creditsLoaded(id: String, Result<CreditBalance, ClerkAPIError>)
    case subscriptionLoaded(id: String, Result<BillingSubscription?, ClerkAPIError>)
    case trustedDevicesLoaded(id: String, Result<PaginatedList<TrustedDevice>, ClerkAPIError>)
    case themeLoaded(Result<Theme, ThemeError>)
    /// What the command queue reports.
    case command(CommandEvent)
    /// The queue refused a command before sending anything (its journal could not be written).
    case commandRejected(Command, String)
    case auditLoaded(Result<[AuditRecord], StateFileError>)
    /// The user read again just before a metadata change is sent.
    case metadataChecked(id: String, Result<User, ClerkAPIError>)
    /// The operator's editor closed: the text it left, or why there is none.
    case externalEditFinished(ExternalEdit, Result<String, ExternalEditError>)
}

/// Work `update` asks the runtime to do. Effects are data, so tests assert on them without I/O.
public enum Effect: Sendable, Hashable {
    /// Fetch a page of users. A page to show supersedes the one in flight; a new generation
    /// supersedes every fetch of the old one.
    case loadPage(UserListQuery, generation: Int, prefetch: Bool)
    case loadCount(UserFilter, generation: Int)
    /// Post `.searchDue(generation)` after the typing pause.
    case debounceSearch(generation: Int)
    case loadUser(String)
    /// Read a user again after an action whose answer was not the user; many may run at once.
    case refreshUser(String)
    case loadMemberships(String)
    case loadInvitations(String)
    case loadCredits(String)
    case loadSubscription(String)
    case loadTrustedDevices(String)
    /// The detail view closed or moved to another user: its requests are no longer wanted.
    case cancelUserLoads
    case copyToClipboard(String)
    case loadTheme(String)
    /// Clear and redraw everything (Ctrl-L).
    case repaint
    /// Hand the terminal back to the shell until resumed (Ctrl-Z).
    case suspend
    /// Journal the command and queue it.
    case enqueue(Command)
    case retryCommand(UUID)
    case cancelCommand(UUID)
    case confirmApplied(UUID)
    case abandonCommand(UUID)
    case resume([UnfinishedCommand])
    case discard([UnfinishedCommand])
    case loadAudit
    /// Read the user again before sending a metadata change: Clerk has no conditional update.
    case checkMetadata(String)
    /// Suspend the console and edit the text in `$VISUAL`/`$EDITOR`; answers `.externalEditFinished`.
    case externalEdit(ExternalEdit)
    case quit
}
