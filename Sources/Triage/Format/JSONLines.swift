import ClerkAPI
import Terminal

/// Pretty-printed, syntax-coloured JSON as styled lines, keys sorted.
public enum JSONLines {
    /// At most `limit` lines: a view that shows the first few of a long document need not print
    /// the rest.
    public static func render(_ value: JSONValue, theme: Theme, indent: String = "", limit: Int = .max) -> [StyledLine] {
        var printer = Printer(theme: theme, margin: indent, marked: false, limit: limit)
        printer.value(value, key: nil, depth: 0, trailing: "", mark: nil)
        return printer.lines
    }

    /// `value` printed as `render` prints it, with what differs from `old` marked in a two-column
    /// margin and drawn in the theme's diff colours: `+` added, `~` changed (with the old value when
    /// it fits on the line), `-` removed, shown with its old value where it was. Unmarked lines
    /// start with two spaces. The marks are text, so they read without colour too.
    public static func render(_ value: JSONValue, comparedTo old: JSONValue, theme: Theme, limit: Int = .max) -> [StyledLine] {
        var printer = Printer(theme: theme, margin: "  ", marked: true, limit: limit)
        printer.diff(old, value, key: nil, depth: 0, trailing: "")
        return printer.lines
    }

    /// A scalar as `jsonText()` writes it. The common cases without an encoder each: the preview
    /// prints every scalar of an 8 KB document on every keystroke.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text) where !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }):
            return "\"" + text + "\""
        default: return value.jsonText()
        }
    }

    enum Mark {
        case added, changed, removed

        var symbol: String {
            switch self {
            case .added: "+"
            case .changed: "~"
            case .removed: "-"
            }
        }

        var role: ThemeRole {
            switch self {
            case .added: .diffAdded
            case .changed: .diffChanged
            case .removed: .diffRemoved
            }
        }
    }

    private struct Printer {
        let theme: Theme
        let margin: String
        let marked: Bool
        let limit: Int
        var lines: [StyledLine] = []
        var full: Bool { lines.count >= limit }

        init(theme: Theme, margin: String, marked: Bool, limit: Int) {
            self.theme = theme
            self.margin = margin
            self.marked = marked
            self.limit = limit
        }

        func style(_ kind: JSONSyntax.Kind, _ mark: Mark?) -> Style {
            if let mark { return theme[mark.role] }
            return JSONSyntax.role(kind).map { theme[$0] } ?? theme[.base]
        }

        mutating func emit(_ spans: StyledLine, depth: Int, mark: Mark?) {
            guard !full else { return }
            let left = marked ? Span(mark.map { "\($0.symbol) " } ?? "  ", mark.map { theme[$0.role].adding(.bold) } ?? theme[.base]) : Span(margin, theme[.base])
            lines.append([left, Span(String(repeating: "  ", count: depth), theme[.base])] + spans)
        }

        func keySpans(_ key: String?, _ mark: Mark?) -> StyledLine {
            guard let key else { return [] }
            return [Span("\"\(key)\"", style(.key, mark)), Span(": ", style(.punctuation, mark))]
        }

        mutating func value(_ value: JSONValue, key: String?, depth: Int, trailing: String, mark: Mark?, was: JSONValue? = nil) {
            guard !full else { return }
            let punctuation = style(.punctuation, mark)
            // The old value of a changed path, when it is short enough to read on the line.
            let note: StyledLine = was.flatMap { old -> StyledLine? in
                switch old {
                case .object(let fields) where !fields.isEmpty: nil
                case .array(let items) where !items.isEmpty: nil
                default: [Span("  was " + JSONLines.text(old), theme[.muted])]
                }
            } ?? []
            switch value {
            case .object(let fields) where !fields.isEmpty:
                emit(keySpans(key, mark) + [Span("{", punctuation)] + note, depth: depth, mark: mark)
                let keys = fields.keys.sorted()
                for (index, inner) in keys.enumerated() {
                    self.value(fields[inner] ?? .null, key: inner, depth: depth + 1, trailing: index + 1 < keys.count ? "," : "", mark: mark)
                }
                emit([Span("}" + trailing, punctuation)], depth: depth, mark: mark)
            case .array(let items) where !items.isEmpty:
                emit(keySpans(key, mark) + [Span("[", punctuation)] + note, depth: depth, mark: mark)
                for (index, item) in items.enumerated() {
                    self.value(item, key: nil, depth: depth + 1, trailing: index + 1 < items.count ? "," : "", mark: mark)
                }
                emit([Span("]" + trailing, punctuation)], depth: depth, mark: mark)
            default:
                emit(keySpans(key, mark) + [scalar(value, mark), Span(trailing, punctuation)] + note, depth: depth, mark: mark)
            }
        }

        /// Objects on both sides are compared key by key; anything else is changed whole, as
        /// `JSONValue.changes(to:)` and Clerk's merge treat it. Removed keys keep their sorted
        /// place but no comma, so the commas are the result's own.
        mutating func diff(_ old: JSONValue, _ new: JSONValue, key: String?, depth: Int, trailing: String) {
            guard !full else { return }
            guard old != new else {
                value(new, key: key, depth: depth, trailing: trailing, mark: nil)
                return
            }
            guard case .object(let before) = old, case .object(let after) = new else {
                value(new, key: key, depth: depth, trailing: trailing, mark: .changed, was: old)
                return
            }
            emit(keySpans(key, nil) + [Span("{", style(.punctuation, nil))], depth: depth, mark: nil)
            let last = after.keys.max()
            for inner in Set(before.keys).union(after.keys).sorted() {
                let comma = after[inner] != nil && inner != last ? "," : ""
                switch (before[inner], after[inner]) {
                case (nil, let added?): value(added, key: inner, depth: depth + 1, trailing: comma, mark: .added)
                case (let removed?, nil): value(removed, key: inner, depth: depth + 1, trailing: "", mark: .removed)
                case (let was?, let now?): diff(was, now, key: inner, depth: depth + 1, trailing: comma)
                case (nil, nil): break
                }
            }
            emit([Span("}" + trailing, style(.punctuation, nil))], depth: depth, mark: nil)
        }

        func scalar(_ value: JSONValue, _ mark: Mark?) -> Span {
            switch value {
            case .string: Span(JSONLines.text(value), style(.string, mark))
            case .int, .double: Span(JSONLines.text(value), style(.number, mark))
            case .object: Span("{}", style(.punctuation, mark))
            case .array: Span("[]", style(.punctuation, mark))
            default: Span(JSONLines.text(value), style(.literal, mark))
            }
        }
    }
}
