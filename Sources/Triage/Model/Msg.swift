import ClerkAPI
import Terminal

/// Everything that can happen to the console: input, time, and answers from the API.
public enum Msg: Sendable {
    case key(Key)
    case resize(Size)
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
    case themeLoaded(Result<Theme, ThemeError>)
}

/// Work `update` asks the runtime to do. Effects are data, so tests assert on them without I/O.
public enum Effect: Sendable, Hashable {
    /// Fetch a page of users. A `.show` fetch supersedes any search still in flight.
    case loadPage(UserListQuery, generation: Int, prefetch: Bool)
    case loadCount(UserFilter, generation: Int)
    /// Post `.searchDue(generation)` after the typing pause.
    case debounceSearch(generation: Int)
    case loadUser(String)
    case loadMemberships(String)
    case loadInvitations(String)
    case loadCredits(String)
    case loadSubscription(String)
    case copyToClipboard(String)
    case loadTheme(String)
    /// Clear and redraw everything (Ctrl-L).
    case repaint
    case quit
}
