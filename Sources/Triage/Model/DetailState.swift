import ClerkAPI

/// One user, read in sections. The user comes from the store; organisations and billing load when
/// their section opens.
public struct DetailState: Sendable {
    public enum Section: Int, CaseIterable, Sendable, Hashable {
        case profile, identifications, mfa, metadata, organizations, billing

        public var title: String {
            switch self {
            case .profile: "Profile"
            case .identifications: "Identifications"
            case .mfa: "MFA"
            case .metadata: "Metadata"
            case .organizations: "Organizations"
            case .billing: "Billing"
            }
        }
    }

    public var userID: String
    /// The request for the user; the user itself is in `TriageModel.users`.
    public var fetch: Fetch
    public var section = Section.profile
    public var scroll: [Section: Int] = [:]
    public var memberships: Remote<PaginatedList<OrganizationMembership>> = .idle
    public var invitations: Remote<PaginatedList<OrganizationInvitation>> = .idle
    public var credits: Remote<CreditBalance> = .idle
    /// nil inside the value means the user has no subscription (Clerk answered 404).
    public var subscription: Remote<BillingSubscription?> = .idle

    public init(userID: String, fetch: Fetch = Fetch()) {
        self.userID = userID
        self.fetch = fetch
    }

    public var isLoading: Bool {
        fetch.isLoading || memberships.isLoading || invitations.isLoading || credits.isLoading || subscription.isLoading
    }
}
