import ClerkAPI
import Foundation

/// One confirmed action on one or more users of one instance. Created when the operator confirms,
/// journalled before anything is sent, and run by the `CommandQueue`.
public struct Command: Codable, Sendable, Hashable, Identifiable {
    public let id: UUID
    public let createdAt: Date
    public let instance: InstanceIdentity
    public let action: CommandAction
    /// In the order given; duplicates removed.
    public let userIDs: [String]
    /// For a metadata command: the values its preview was computed against. The queue sends only
    /// while the user's fields still hold them (nil: sent as it is, e.g. a script's patch).
    public let metadataBaseline: MetadataBaseline?

    public init(
        _ action: CommandAction, userIDs: [String], instance: InstanceIdentity, id: UUID = UUID(), createdAt: Date = Date(),
        metadataBaseline: MetadataBaseline? = nil
    ) throws(CommandError) {
        var seen = Set<String>()
        let ids = userIDs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !ids.isEmpty else { throw .noUsers }
        if ids.count > 1, !action.acceptsManyUsers { throw .oneUserOnly(action: action.name) }
        try Self.validate(action)
        if let metadataBaseline { try Self.validate(metadataBaseline, for: action) }
        self.id = id
        self.createdAt = JournalCoding.journalled(createdAt)
        self.instance = instance
        self.action = action
        self.userIDs = ids
        self.metadataBaseline = metadataBaseline
    }

    public init(
        _ action: CommandAction, userID: String, instance: InstanceIdentity, id: UUID = UUID(), createdAt: Date = Date(),
        metadataBaseline: MetadataBaseline? = nil
    ) throws(CommandError) {
        try self.init(action, userIDs: [userID], instance: instance, id: id, createdAt: createdAt, metadataBaseline: metadataBaseline)
    }

    /// The idempotency key sent with the request, for the adjustments that have one.
    public var idempotencyKey: String? {
        if case .adjustCredit(let change) = action { return change.idempotencyKey }
        return nil
    }

    public var isSafeToRepeat: Bool { action.isSafeToRepeat }

    private static func validate(_ baseline: MetadataBaseline, for action: CommandAction) throws(CommandError) {
        switch action {
        case .mergeMetadata(let update), .replaceMetadata(let update):
            let sent = MetadataBaseline.Field.allCases.filter { $0.value(in: update) != nil }
            guard baseline.fields == sent else { throw .invalid("The values checked before sending must be those of the fields sent.") }
        default:
            throw .invalid("Only a metadata change is checked against earlier values.")
        }
    }

    private static func validate(_ action: CommandAction) throws(CommandError) {
        switch action {
        case .adjustCredit(let change):
            guard change.amountCents > 0 else { throw .invalid("The amount must be more than zero cents; choose increase or decrease for the direction.") }
            guard !change.idempotencyKey.isEmpty else { throw .invalid("The adjustment has no idempotency key.") }
        case .deletePasskey(let id), .deleteWeb3Wallet(let id), .deleteExternalAccount(let id), .revokeTrustedDevice(let id):
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid("Choose which one to remove.") }
        case .verifyTOTP(let code):
            guard code.isKept else { throw .invalid("Type the code the user reads out.") }
        case .mergeMetadata(let update), .replaceMetadata(let update):
            guard !update.isEmpty else { throw .invalid("There is no metadata change to send.") }
            if let field = update.firstNonObjectField { throw .invalid("\(field) must be a JSON object.") }
        default:
            break
        }
    }
}

/// A command that cannot be made as asked.
public enum CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    case noUsers
    case oneUserOnly(action: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .noUsers: "Select at least one user."
        case .oneUserOnly(let action): "\(action) works on one user at a time; select one user."
        case .invalid(let reason): reason
        }
    }
}
