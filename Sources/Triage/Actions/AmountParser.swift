/// Money typed in a currency's units ("12.50") to cents (1250), refusing anything ambiguous
/// before a request is made.
public enum AmountParser {
    /// The largest single adjustment the console sends: a typo of extra zeros is refused.
    public static let maximumCents: Int64 = 100_000_000

    public static func cents(_ text: String) -> Result<Int64, AmountError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else {
            return .failure(.notANumber(trimmed))
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2 else { return .failure(.tooPrecise(trimmed)) }
        guard parts[0].count <= 12, let units = Int64(parts[0].isEmpty ? "0" : String(parts[0])),
              let hundredths = Int64((fraction + "00").prefix(2)) else { return .failure(.tooLarge) }
        let cents = units * 100 + hundredths
        guard cents > 0 else { return .failure(.zero) }
        guard cents <= maximumCents else { return .failure(.tooLarge) }
        return .success(cents)
    }
}

public enum AmountError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case notANumber(String)
    case tooPrecise(String)
    case zero
    case tooLarge

    public var description: String {
        switch self {
        case .empty: "Type an amount, e.g. 12.50."
        case .notANumber(let text): "'\(text)' is not an amount: use digits and at most one point, e.g. 12.50."
        case .tooPrecise(let text): "'\(text)' has more than two decimals."
        case .zero: "The amount must be more than zero; choose increase or decrease for the direction."
        case .tooLarge: "That is more than \(AmountParser.maximumCents / 100) in one adjustment; split it or check the zeros."
        }
    }
}
