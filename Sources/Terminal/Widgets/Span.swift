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
