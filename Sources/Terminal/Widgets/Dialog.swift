/// A modal box with a title, a message and buttons. Focus starts on Cancel (the last button by
/// convention here, or the one named), so that Enter on a surprise dialog never destroys anything.
public struct Dialog: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case chose(Int)
        case dismissed
    }

    public var title: String
    public var message: [String]
    public var buttons: [String]
    public private(set) var focused: Int
    public var destructive: Bool

    public init(title: String, message: [String], buttons: [String], cancelIndex: Int? = nil, destructive: Bool = false) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focused = cancelIndex ?? max(0, buttons.count - 1)
        self.destructive = destructive
    }

    /// Returns an outcome when the key closes the dialog.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .left, .backTab: focused = (focused + buttons.count - 1) % max(buttons.count, 1)
        case .right, .tab: focused = (focused + 1) % max(buttons.count, 1)
        case .enter: return .chose(focused)
        case .escape: return .dismissed
        default: break
        }
        return nil
    }

    public func render(into grid: inout Grid, in area: Rect, theme: Theme) {
        let buttonRow = buttons.map { "[ \($0) ]" }.joined(separator: "  ")
        let contentWidth = max(DisplayWidth.of(title) + 4, DisplayWidth.of(buttonRow), message.map(DisplayWidth.of).max() ?? 0)
        let box = area.centered(width: min(area.width - 2, contentWidth + 4), height: min(area.height, message.count + 5))
        guard box.width >= 6, box.height >= 4 else { return }
        let style = theme[.dialog]
        grid.fill(box, style: style)
        Box.draw(into: &grid, box, style: style)
        grid.put(" \(title) ", x: box.x + 2, y: box.y, style: theme[destructive ? .error : .dialogTitle], clip: box)
        for (index, line) in message.enumerated() where box.y + 2 + index < box.maxY - 2 {
            grid.put(line, x: box.x + 2, y: box.y + 2 + index, style: style, clip: box.inset(by: 1))
        }
        var x = box.x + max(2, (box.width - DisplayWidth.of(buttonRow)) / 2)
        for (index, button) in buttons.enumerated() {
            let role: ThemeRole = index == focused ? .buttonFocused : .button
            x += grid.put("[ \(button) ]", x: x, y: box.maxY - 2, style: theme[role], clip: box.inset(by: 1)) + 2
        }
    }
}

/// Single-line box drawing.
public enum Box {
    public static func draw(into grid: inout Grid, _ rect: Rect, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style, clip: rect)
        grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put("│", x: rect.x, y: y, style: style, clip: rect)
            grid.put("│", x: rect.maxX - 1, y: y, style: style, clip: rect)
        }
    }
}
