import ClerkAPI
import ClerkActions
import Foundation

/// The mutations `users` offers, each the console's own command action.
enum UserMutationKind: Sendable {
    case ban, unban, lock, unlock, delete

    var action: CommandAction {
        switch self {
        case .ban: .ban
        case .unban: .unban
        case .lock: .lock
        case .unlock: .unlock
        case .delete: .deleteUser
        }
    }

    var verb: String {
        switch self {
        case .ban: "ban"
        case .unban: "unban"
        case .lock: "lock"
        case .unlock: "unlock"
        case .delete: "delete"
        }
    }

    var pastTense: String {
        switch self {
        case .ban: "banned"
        case .unban: "unbanned"
        case .lock: "locked"
        case .unlock: "unlocked"
        case .delete: "deleted"
        }
    }

    /// Users per command: ban and unban go to Clerk's bulk endpoints 50 at a time; the others are
    /// one request per user, so each user is one command and fails or succeeds on its own.
    var usersPerCommand: Int {
        switch self {
        case .ban, .unban: UsersClient.bulkChunkSize
        case .lock, .unlock, .delete: 1
        }
    }

    /// The request one command sends, for `--dry-run`.
    func request(for userIDs: [String], baseURL: String) -> String {
        switch self {
        case .ban where userIDs.count > 1, .unban where userIDs.count > 1:
            let body = (try? WireCoding.encoder.encode(["user_ids": userIDs])).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return "POST \(baseURL)/users/\(verb) \(body)"
        case .delete:
            return "DELETE \(baseURL)/users/\(userIDs[0])"
        default:
            return "POST \(baseURL)/users/\(userIDs[0])/\(verb)"
        }
    }
}
