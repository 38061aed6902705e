/// Styled lines taller than their space, scrolled by an offset, with a position marker.
public struct ScrollPane: Sendable, Hashable {
    public var lines: [StyledLine]
    public private(set) var offset = 0

    public init(lines: [StyledLine] = []) {
        self.lines = lines
    }

    public mutating func scroll(by delta: Int, height: Int) {
        offset = min(max(0, offset + delta), max(0, lines.count - height))
    }

    public mutating func scrollToTop() { offset = 0 }

    public mutating func scrollToBottom(height: Int) { offset = max(0, lines.count - height) }

    /// Handles ↑ ↓ PgUp PgDn Home End; returns whether the key was one of them.
    @discardableResult
    public mutating func handle(_ key: Key, height: Int) -> Bool {
        switch key {
        case .up, .character("k"): scroll(by: -1, height: height)
        case .down, .character("j"): scroll(by: 1, height: height)
        case .pageUp: scroll(by: -max(1, height - 1), height: height)
        case .pageDown, .character(" "): scroll(by: max(1, height - 1), height: height)
        case .home, .character("g"): scrollToTop()
        case .end, .character("G"): scrollToBottom(height: height)
        default: return false
        }
        return true
    }

    public func render(into grid: inout Grid, in rect: Rect, markerStyle: Style) {
        guard !rect.isEmpty else { return }
        let textArea = Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: rect.height)
        for row in 0..<rect.height {
            let index = offset + row
            guard index < lines.count else { break }
            grid.put(lines[index], x: textArea.x, y: rect.y + row, clip: Rect(x: textArea.x, y: rect.y + row, width: textArea.width, height: 1))
        }
        // A one-column scrollbar shows where the view sits when there is more than fits.
        if lines.count > rect.height, rect.height > 0 {
            let thumb = min(rect.height - 1, offset * rect.height / max(1, lines.count - rect.height + 1))
            for row in 0..<rect.height {
                grid.put(row == thumb ? "█" : "│", x: rect.maxX - 1, y: rect.y + row, style: markerStyle, clip: rect)
            }
        }
    }
}
