import ClerkAPI

/// What a finished command produced, for the console's user store and status line.
public struct CommandResult: Sendable, Hashable {
    /// The users as Clerk returned them after the change (or as re-read): every view of them updates.
    public var users: [User]
    /// Users that no longer exist.
    public var deletedUserIDs: [String]
    public var ledgerEntry: CreditLedgerEntry?
    public var verification: TOTPVerification?
    public var trustedDevice: TrustedDevice?
    /// How the outcome was established when it was not from Clerk's own answer.
    public var note: String?

    public init(
        users: [User] = [], deletedUserIDs: [String] = [], ledgerEntry: CreditLedgerEntry? = nil,
        verification: TOTPVerification? = nil, trustedDevice: TrustedDevice? = nil, note: String? = nil
    ) {
        self.users = users
        self.deletedUserIDs = deletedUserIDs
        self.ledgerEntry = ledgerEntry
        self.verification = verification
        self.trustedDevice = trustedDevice
        self.note = note
    }

    mutating func absorb(_ other: CommandResult) {
        users += other.users
        deletedUserIDs += other.deletedUserIDs
        ledgerEntry = other.ledgerEntry ?? ledgerEntry
        verification = other.verification ?? verification
        trustedDevice = other.trustedDevice ?? trustedDevice
        note = other.note ?? note
    }
}
