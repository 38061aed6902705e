import ClerkAPI
import Terminal

/// Pretty-printed, syntax-coloured JSON as styled lines, keys sorted.
public enum JSONLines {
    public static func render(_ value: JSONValue, theme: Theme, indent: String = "") -> [StyledLine] {
        var lines: [StyledLine] = []
        append(value, prefix: [Span(indent, theme[.base])], indent: indent, trailing: "", theme: theme, into: &lines)
        return lines
    }

    private static func append(_ value: JSONValue, prefix: StyledLine, indent: String, trailing: String, theme: Theme, into lines: inout [StyledLine]) {
        let punctuation = theme[.muted]
        switch value {
        case .object(let fields) where !fields.isEmpty:
            lines.append(prefix + [Span("{", punctuation)])
            let keys = fields.keys.sorted()
            for (index, key) in keys.enumerated() {
                let inner = indent + "  "
                let comma = index + 1 < keys.count ? "," : ""
                let keyPrefix: StyledLine = [Span(inner, theme[.base]), Span("\"\(key)\"", theme[.jsonKey]), Span(": ", punctuation)]
                append(fields[key] ?? .null, prefix: keyPrefix, indent: inner, trailing: comma, theme: theme, into: &lines)
            }
            lines.append([Span(indent, theme[.base]), Span("}" + trailing, punctuation)])
        case .array(let items) where !items.isEmpty:
            lines.append(prefix + [Span("[", punctuation)])
            for (index, item) in items.enumerated() {
                let inner = indent + "  "
                append(item, prefix: [Span(inner, theme[.base])], indent: inner, trailing: index + 1 < items.count ? "," : "", theme: theme, into: &lines)
            }
            lines.append([Span(indent, theme[.base]), Span("]" + trailing, punctuation)])
        default:
            lines.append(prefix + [scalar(value, theme: theme), Span(trailing, punctuation)])
        }
    }

    static func scalar(_ value: JSONValue, theme: Theme) -> Span {
        switch value {
        case .string: Span(value.jsonText(), theme[.jsonString])
        case .int, .double: Span(value.jsonText(), theme[.jsonNumber])
        case .object: Span("{}", theme[.muted])
        case .array: Span("[]", theme[.muted])
        default: Span(value.jsonText(), theme[.jsonLiteral])
        }
    }
}
