import Terminal

/// What each character of JSON text is, for colouring it with the roles the pretty-printed JSON
/// of the detail view and the preview uses. Lenient, because the operator is in the middle of
/// typing: any text gets kinds, an unterminated string runs to the end of its line, a word that
/// is not `true`, `false` or `null` stays plain. A line at a time: JSON strings never span lines.
public enum JSONSyntax {
    public enum Kind: Sendable, Hashable {
        case punctuation, key, string, number, literal, plain
    }

    /// The one mapping from kind to theme role, shared with `JSONLines`.
    public static func role(_ kind: Kind) -> ThemeRole? {
        switch kind {
        case .punctuation: .muted
        case .key: .jsonKey
        case .string: .jsonString
        case .number: .jsonNumber
        case .literal: .jsonLiteral
        case .plain: nil
        }
    }

    /// One kind per character of `line`.
    public static func kinds(_ line: [Character]) -> [Kind] {
        var kinds = [Kind](repeating: .plain, count: line.count)
        var index = 0
        while index < line.count {
            let start = index
            let character = line[index]
            index += 1
            switch character {
            case "{", "}", "[", "]", ":", ",":
                kinds[start] = .punctuation
            case "\"":
                var escaped = false
                while index < line.count {
                    let inside = line[index]
                    index += 1
                    if escaped { escaped = false } else if inside == "\\" { escaped = true } else if inside == "\"" { break }
                }
                // A string is a key when a colon follows it on the line.
                let after = line[index...].first { $0 != " " && $0 != "\t" }
                for position in start..<index { kinds[position] = after == ":" ? .key : .string }
            case "-", "0"..."9":
                while index < line.count, "0123456789+-.eE".contains(line[index]) { index += 1 }
                for position in start..<index { kinds[position] = .number }
            default:
                guard character.isLetter else { continue }
                while index < line.count, line[index].isLetter || line[index].isNumber || line[index] == "_" { index += 1 }
                if ["true", "false", "null"].contains(String(line[start..<index])) {
                    for position in start..<index { kinds[position] = .literal }
                }
            }
        }
        return kinds
    }

    /// The styles of a theme for text typed on `base` (the editor's own background kept).
    public struct Palette: Sendable {
        private let styles: [Kind: Style]
        private let base: Style

        public init(theme: Theme, base: Style) {
            self.base = base
            var styles: [Kind: Style] = [:]
            for kind in [Kind.punctuation, .key, .string, .number, .literal] {
                guard let role = JSONSyntax.role(kind) else { continue }
                let colour = theme[role]
                styles[kind] = Style(foreground: colour.foreground == .default ? base.foreground : colour.foreground,
                                     background: colour.background == .default ? base.background : colour.background,
                                     attributes: colour.attributes.union(base.attributes))
            }
            self.styles = styles
        }

        /// One style per character of `line`.
        public func styles(_ line: [Character]) -> [Style] {
            JSONSyntax.kinds(line).map { styles[$0] ?? base }
        }
    }
}
