/// A one-line bar: text on the left, text on the right, the left truncated first.
public struct StatusBar: Sendable, Hashable {
    public var left: StyledLine
    public var right: StyledLine

    public init(left: StyledLine, right: StyledLine = []) {
        self.left = left
        self.right = right
    }

    public func render(into grid: inout Grid, in rect: Rect, style: Style) {
        guard !rect.isEmpty else { return }
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(line, style: style)
        let rightWidth = min(right.reduce(0) { $0 + DisplayWidth.of(Sanitizer.clean($1.text)) }, rect.width)
        let rightX = rect.maxX - rightWidth
        grid.put(right, x: rightX, y: rect.y, clip: line)
        // A message or hint cut short ends with "…", so nobody takes half of it for all of it.
        let leftWidth = max(0, rightX - rect.x - 1)
        grid.put(left.truncated(toColumns: leftWidth), x: rect.x, y: rect.y, clip: Rect(x: rect.x, y: rect.y, width: leftWidth, height: 1))
    }
}

/// Key hints: `Enter open · / search · ? help`.
public enum HintBar {
    public static func line(_ hints: [(key: String, label: String)], keyStyle: Style, labelStyle: Style) -> StyledLine {
        var spans: StyledLine = []
        for (index, hint) in hints.enumerated() {
            if index > 0 { spans.append(Span("  ", labelStyle)) }
            spans.append(Span(hint.key, keyStyle))
            spans.append(Span(" " + hint.label, labelStyle))
        }
        return spans
    }
}
