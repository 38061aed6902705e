/// A single-line text input with a cursor and the usual editing keys (Emacs-style included:
/// Ctrl-A/E/U/K/W). Pasted text is inserted with line breaks turned into spaces.
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    /// Cursor position, in characters from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key; returns whether the key was one (and so was consumed).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .paste(let pasted):
            let flat = pasted.map { $0.isNewline ? " " : $0 }
            characters.insert(contentsOf: flat, at: cursor)
            cursor += flat.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<characters.count)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(characters)
        return true
    }

    /// Draws the text (scrolled so the cursor stays visible) and, when focused, the cursor as a
    /// reversed cell.
    public func render(into grid: inout Grid, in rect: Rect, style: Style, focused: Bool, placeholder: String = "") {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style)
        if text.isEmpty, !placeholder.isEmpty, !focused {
            grid.put(placeholder, x: rect.x, y: rect.y, width: rect.width, style: style.adding(.dim))
        }
        let characters = Array(Sanitizer.clean(String(text.prefix(cursor)))) + Array(Sanitizer.clean(String(text.dropFirst(cursor))))
        let cursorIndex = Sanitizer.clean(String(text.prefix(cursor))).count
        // Scroll so that the cursor column stays inside the field.
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursorIndex])) >= rect.width, start < cursorIndex { start += 1 }
        let visible = String(characters[start...])
        grid.put(visible, x: rect.x, y: rect.y, style: style, clip: rect)
        if focused {
            let cursorX = rect.x + DisplayWidth.of(String(characters[start..<cursorIndex]))
            if cursorX < rect.maxX {
                let under = cursorIndex < characters.count ? String(characters[cursorIndex]) : " "
                grid.put(under, x: cursorX, y: rect.y, style: style.adding(.reverse), clip: rect)
            }
        }
    }
}
