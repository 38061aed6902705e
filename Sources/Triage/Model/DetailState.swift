import ClerkAPI

/// One user, read in sections. Organisations and billing load when their section opens.
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
    public var user: Remote<User>
    public var section = Section.profile
    public var scroll: [Section: Int] = [:]
    public var memberships: Remote<PaginatedList<OrganizationMembership>> = .idle
    public var invitations: Remote<PaginatedList<OrganizationInvitation>> = .idle
    public var credits: Remote<CreditBalance> = .idle
    /// nil inside `.loaded` means the user has no subscription (Clerk answered 404).
    public var subscription: Remote<BillingSubscription?> = .idle

    public init(userID: String, user: Remote<User>) {
        self.userID = userID
        self.user = user
    }
}
