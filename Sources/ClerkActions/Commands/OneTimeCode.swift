/// A TOTP or backup code the user read out. It is used once and never written anywhere: the journal
/// stores it as an empty string, so a verification interrupted by a restart asks for a fresh code.
public struct OneTimeCode: Codable, Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value.filter { !$0.isWhitespace }
    }

    /// False after a round trip through the journal.
    public var isKept: Bool { !value.isEmpty }

    public var description: String { isKept ? "••••••" : "(not kept)" }

    public init(from decoder: any Decoder) throws {
        _ = try? decoder.singleValueContainer().decode(String.self)
        value = ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("")
    }
}
