import Foundation

/// One line of the command journal. A command's lines, in order: its intent, then for each request
/// a `sending` line before it goes out, `progress` as users are done, and finally its `outcome`.
/// A command whose last line is not an outcome is unfinished and is offered for resume.
public struct JournalLine: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// The command as confirmed, written before anything is sent.
        case intent
        /// A request for `users` is about to go out: until `progress` or `outcome` follows, whether
        /// Clerk applied it is unknown.
        case sending
        /// `users` are done.
        case progress
        /// Back in the queue (rate limited, or retried by the operator); nothing is in flight.
        case requeued
        /// Sent, and neither the answer nor a re-read tells whether it was applied: the operator decides.
        case unknown
        case outcome
    }

    public var kind: Kind
    public var id: UUID
    public var at: Date
    public var command: Command?
    public var users: [String]?
    public var outcome: CommandOutcome?
    public var message: String?

    public init(
        _ kind: Kind, id: UUID, at: Date, command: Command? = nil, users: [String]? = nil, outcome: CommandOutcome? = nil, message: String? = nil
    ) {
        self.kind = kind
        self.id = id
        self.at = at
        self.command = command
        self.users = users
        self.outcome = outcome
        self.message = message
    }
}

/// How a command ended.
public enum CommandOutcome: String, Codable, Sendable, Hashable {
    case done
    case failed
    /// Withdrawn by the operator before it was sent.
    case cancelled
    /// Dropped by the operator after a restart or an unknown outcome.
    case abandoned
}

/// Dates as whole Unix milliseconds, like Clerk's own timestamps.
enum JournalCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(milliseconds(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            date(milliseconds: try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` as it comes back from the journal, so a command in memory equals its journalled copy.
    static func journalled(_ date: Date) -> Date {
        self.date(milliseconds: milliseconds(date))
    }
}
