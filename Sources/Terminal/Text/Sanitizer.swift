/// Makes text from the outside safe to put on a terminal.
///
/// A Clerk user controls their own name. Without this, a first name of `ESC ] 0 ; … BEL` would
/// retitle the support agent's terminal, `ESC [ 2 J` would clear it, and a right-to-left override
/// would make "elif.exe" read as something else. Every such character becomes a visible placeholder,
/// so the agent sees that it is there and what it is.
public enum Sanitizer {
    /// Placeholder for invalid UTF-8 and C1 controls.
    public static let replacement: Character = "\u{FFFD}"

    public static func clean(_ text: String) -> String {
        // Fast path: plain printable ASCII is the common case.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let placeholder = placeholder(for: scalar) {
                result.append(contentsOf: placeholder.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Raw bytes that may not be UTF-8: each invalid sequence becomes U+FFFD, then `clean`.
    public static func clean(bytes: some Sequence<UInt8>) -> String {
        clean(String(decoding: Array(bytes), as: UTF8.self))
    }

    static func placeholder(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x1F:
            // Control Pictures: ␛ for ESC, ␇ for BEL, ␊ for a line feed…
            return String(Character(Unicode.Scalar(0x2400 + scalar.value) ?? "?"))
        case 0x7F:
            return "␡"
        case 0x80...0x9F:
            return String(replacement)
        case 0x200B: return "‹ZWSP›"
        case 0x2060: return "‹WJ›"
        case 0xFEFF: return "‹BOM›"
        case 0x00AD: return "‹SHY›"
        case 0x061C: return "‹ALM›"
        case 0x200E: return "‹LRM›"
        case 0x200F: return "‹RLM›"
        case 0x202A: return "‹LRE›"
        case 0x202B: return "‹RLE›"
        case 0x202C: return "‹PDF›"
        case 0x202D: return "‹LRO›"
        case 0x202E: return "‹RLO›"
        case 0x2066: return "‹LRI›"
        case 0x2067: return "‹RLI›"
        case 0x2068: return "‹FSI›"
        case 0x2069: return "‹PDI›"
        case 0x2028, 0x2029:
            // Line and paragraph separators would break a row in two.
            return "␤"
        case 0xFFF9...0xFFFB:
            return String(replacement)
        default:
            return nil
        }
    }
}
