/// A multi-line plain-text editor: cursor movement, insert and delete across lines, paste of
/// many lines at once, undo and redo. The metadata editor is built on it.
///
/// Scrolling follows the cursor as it moves, within `viewport` (which the caller sets to the
/// size it draws at); `render` only reads the state, so drawing never changes the editor. Undo
/// and redo are not bound to keys here: the app calls `undo()` and `redo()` from its keymap.
public struct TextEditor: Sendable, Hashable {
    public struct Position: Sendable, Hashable, Comparable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }
    }

    private struct Snapshot: Sendable, Hashable {
        var lines: [[Character]]
        var cursor: Position
    }

    private var lines: [[Character]]
    public private(set) var cursor = Position(line: 0, column: 0)
    /// First visible line.
    public private(set) var scroll = 0
    /// The size the editor is drawn at (gutter included): scrolling and PgUp/PgDn use its height.
    public var viewport = Size(width: 0, height: 0) {
        didSet { keepCursorVisible() }
    }
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    /// Typing a run of characters is one undo step, not one per character.
    private var coalescingTyping = false
    public static let undoLimit = 200

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var lineCount: Int { lines.count }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    public mutating func moveCursor(to position: Position) {
        place(position)
        coalescingTyping = false
        keepCursorVisible()
    }

    private mutating func place(_ position: Position) {
        cursor.line = min(max(position.line, 0), lines.count - 1)
        cursor.column = min(max(position.column, 0), lines[cursor.line].count)
    }

    /// Applies an editing or movement key; returns whether it was consumed.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        defer { keepCursorVisible() }
        // A page keeps one line of the last in view; 10 lines before the caller has set a viewport.
        let pageSize = viewport.height > 0 ? max(1, viewport.height - 1) : 10
        switch key {
        case .character(let character):
            // A space ends a word: the next undo stops there.
            if !coalescingTyping || character == " " { saveUndo() }
            coalescingTyping = character != " "
            lines[cursor.line].insert(character, at: cursor.column)
            cursor.column += 1
            return true
        case .enter:
            saveUndo()
            let rest = Array(lines[cursor.line][cursor.column...])
            lines[cursor.line].removeSubrange(cursor.column...)
            // Keep the indentation of the line being split, as editors do for JSON.
            let indent = lines[cursor.line].prefix { $0 == " " }
            lines.insert(Array(indent) + rest, at: cursor.line + 1)
            cursor = Position(line: cursor.line + 1, column: indent.count)
        case .tab:
            saveUndo()
            lines[cursor.line].insert(contentsOf: "  ", at: cursor.column)
            cursor.column += 2
        case .paste(let pasted):
            saveUndo()
            insert(pasted)
        case .backspace:
            saveUndo()
            if cursor.column > 0 {
                lines[cursor.line].remove(at: cursor.column - 1)
                cursor.column -= 1
            } else if cursor.line > 0 {
                let current = lines.remove(at: cursor.line)
                cursor.line -= 1
                cursor.column = lines[cursor.line].count
                lines[cursor.line] += current
            }
        case .delete, .control("d"):
            saveUndo()
            if cursor.column < lines[cursor.line].count {
                lines[cursor.line].remove(at: cursor.column)
            } else if cursor.line + 1 < lines.count {
                lines[cursor.line] += lines.remove(at: cursor.line + 1)
            }
        case .control("k"):
            saveUndo()
            if cursor.column < lines[cursor.line].count {
                lines[cursor.line].removeSubrange(cursor.column...)
            } else if cursor.line + 1 < lines.count {
                lines[cursor.line] += lines.remove(at: cursor.line + 1)
            }
        case .left:
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 { cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count) }
        case .right:
            if cursor.column < lines[cursor.line].count { cursor.column += 1 } else if cursor.line + 1 < lines.count { cursor = Position(line: cursor.line + 1, column: 0) }
        case .up: place(Position(line: cursor.line - 1, column: cursor.column))
        case .down: place(Position(line: cursor.line + 1, column: cursor.column))
        case .pageUp: place(Position(line: cursor.line - pageSize, column: cursor.column))
        case .pageDown: place(Position(line: cursor.line + pageSize, column: cursor.column))
        case .home, .control("a"): cursor.column = 0
        case .end, .control("e"): cursor.column = lines[cursor.line].count
        default:
            return false
        }
        coalescingTyping = false
        return true
    }

    /// Takes back the last edit (a run of typing counts as one).
    public mutating func undo() {
        guard let snapshot = undoStack.popLast() else { return }
        redoStack.append(Snapshot(lines: lines, cursor: cursor))
        restore(snapshot)
    }

    /// Puts back what the last `undo` took back; any new edit forgets what could be redone.
    public mutating func redo() {
        guard let snapshot = redoStack.popLast() else { return }
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        restore(snapshot)
    }

    private mutating func restore(_ snapshot: Snapshot) {
        lines = snapshot.lines
        cursor = snapshot.cursor
        coalescingTyping = false
        keepCursorVisible()
    }

    private mutating func saveUndo() {
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
        redoStack.removeAll()
    }

    /// Scrolls just enough to show the cursor's line in `viewport`, and no further than the text.
    private mutating func keepCursorVisible() {
        let height = viewport.height
        guard height > 0 else {
            scroll = min(scroll, cursor.line)
            return
        }
        if cursor.line < scroll { scroll = cursor.line }
        if cursor.line >= scroll + height { scroll = cursor.line - height + 1 }
        scroll = max(0, min(scroll, lines.count - height))
    }

    private mutating func insert(_ text: String) {
        let pieces = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let tail = Array(lines[cursor.line][cursor.column...])
        lines[cursor.line].removeSubrange(cursor.column...)
        lines[cursor.line] += pieces[0]
        var line = cursor.line
        for piece in pieces.dropFirst() {
            line += 1
            lines.insert(piece, at: line)
        }
        cursor = Position(line: line, column: lines[line].count)
        lines[line] += tail
    }

    /// Draws the visible lines from `scroll` with a line-number gutter. Reads the state only: if
    /// `rect` is not the `viewport` the editor scrolled for, the cursor's line is still shown.
    public func render(into grid: inout Grid, in rect: Rect, style: Style, gutterStyle: Style, focused: Bool) {
        guard !rect.isEmpty else { return }
        var first = scroll
        if cursor.line < first { first = cursor.line }
        if cursor.line >= first + rect.height { first = cursor.line - rect.height + 1 }
        let gutter = String(lines.count).count + 1
        grid.fill(rect, style: style)
        for row in 0..<rect.height {
            let index = first + row
            guard index < lines.count else { break }
            let y = rect.y + row
            grid.put(String(index + 1).fitted(toColumns: gutter - 1, alignRight: true), x: rect.x, y: y, style: gutterStyle,
                     clip: Rect(x: rect.x, y: y, width: gutter, height: 1))
            let textArea = Rect(x: rect.x + gutter, y: y, width: rect.width - gutter, height: 1)
            grid.put(String(lines[index]), x: textArea.x, y: y, style: style, clip: textArea)
            if focused, index == cursor.line {
                let before = Sanitizer.clean(String(lines[index].prefix(cursor.column)))
                let cursorX = textArea.x + DisplayWidth.of(before)
                let under = cursor.column < lines[index].count ? String(lines[index][cursor.column]) : " "
                if cursorX < textArea.maxX { grid.put(under, x: cursorX, y: y, style: style.adding(.reverse), clip: textArea) }
            }
        }
    }
}
