/// A run of text in one style; a line is a list of spans.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

public typealias StyledLine = [Span]

extension Grid {
    /// Draws spans left to right from (x, y), clipped to `clip`; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, clip: Rect) -> Int {
        var column = x
        for span in line where column < clip.maxX {
            column += put(span.text, x: column, y: y, style: span.style, clip: clip)
        }
        return column - x
    }
}

extension Array where Element == Span {
    /// Cut to at most `columns` columns, ending with "…" in the style of the span that was cut, so
    /// that a clipped line says it was clipped.
    public func truncated(toColumns columns: Int) -> StyledLine {
        let total = reduce(0) { $0 + DisplayWidth.of($1.text) }
        guard total > columns else { return self }
        var result: StyledLine = []
        var used = 0
        for span in self {
            let width = DisplayWidth.of(span.text)
            // The last span that fits whole still leaves a column for the "…".
            if used + width < columns {
                result.append(span)
                used += width
                continue
            }
            // More follows even when this span would just fit, so it always gives way to the "…".
            let cut = (span.text + "…").truncated(toColumns: columns - used)
            if !cut.isEmpty { result.append(Span(cut, span.style)) }
            break
        }
        return result
    }
}
