import Foundation

extension Command {
    /// Whether `undo` can make a command that reverses this one.
    public var isReversible: Bool { Self.inverse(of: action, newIdempotencyKey: "") != nil }

    /// The command that reverses this one: ban↔unban, lock↔unlock, compromised set↔unset, and a
    /// credit adjustment by the opposite one with a new idempotency key (the old key would make
    /// Clerk return the original entry and change nothing).
    public func undo(id: UUID = UUID(), createdAt: Date = Date(), newIdempotencyKey: String = UUID().uuidString) -> Command? {
        guard let inverse = Self.inverse(of: action, newIdempotencyKey: newIdempotencyKey) else { return nil }
        return try? Command(inverse, userIDs: userIDs, instance: instance, id: id, createdAt: createdAt)
    }

    static func inverse(of action: CommandAction, newIdempotencyKey: String) -> CommandAction? {
        switch action {
        case .ban: return .unban
        case .unban: return .ban
        case .lock: return .unlock
        case .unlock: return .lock
        case .setPasswordCompromised: return .unsetPasswordCompromised
        case .unsetPasswordCompromised: return .setPasswordCompromised(revokeAllSessions: false)
        case .adjustCredit(let change):
            var opposite = change
            opposite.direction = change.direction.opposite
            opposite.idempotencyKey = newIdempotencyKey
            opposite.note = change.note.map { "undo: \($0)" } ?? "undo"
            return .adjustCredit(opposite)
        default:
            return nil
        }
    }
}
