/// A multi-line plain-text editor: cursor movement, insert and delete across lines, paste of
/// many lines at once, and undo. The metadata editor is built on it.
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
    private var undoStack: [Snapshot] = []
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

    public mutating func moveCursor(to position: Position) {
        cursor.line = min(max(position.line, 0), lines.count - 1)
        cursor.column = min(max(position.column, 0), lines[cursor.line].count)
        coalescingTyping = false
    }

    /// Applies a key; `pageSize` is the visible height for PgUp/PgDn. Returns whether it was consumed.
    @discardableResult
    public mutating func handle(_ key: Key, pageSize: Int = 10) -> Bool {
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
        case .control("z"):
            undo()
        case .left:
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 { cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count) }
        case .right:
            if cursor.column < lines[cursor.line].count { cursor.column += 1 } else if cursor.line + 1 < lines.count { cursor = Position(line: cursor.line + 1, column: 0) }
        case .up: moveCursor(to: Position(line: cursor.line - 1, column: cursor.column))
        case .down: moveCursor(to: Position(line: cursor.line + 1, column: cursor.column))
        case .pageUp: moveCursor(to: Position(line: cursor.line - max(1, pageSize), column: cursor.column))
        case .pageDown: moveCursor(to: Position(line: cursor.line + max(1, pageSize), column: cursor.column))
        case .home, .control("a"): cursor.column = 0
        case .end, .control("e"): cursor.column = lines[cursor.line].count
        default:
            return false
        }
        coalescingTyping = false
        return true
    }

    public mutating func undo() {
        guard let snapshot = undoStack.popLast() else { return }
        lines = snapshot.lines
        cursor = snapshot.cursor
        coalescingTyping = false
    }

    private mutating func saveUndo() {
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
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

    /// Draws the visible lines with a line-number gutter, scrolling to keep the cursor in view.
    public mutating func render(into grid: inout Grid, in rect: Rect, style: Style, gutterStyle: Style, focused: Bool) {
        guard !rect.isEmpty else { return }
        if cursor.line < scroll { scroll = cursor.line }
        if cursor.line >= scroll + rect.height { scroll = cursor.line - rect.height + 1 }
        let gutter = String(lines.count).count + 1
        grid.fill(rect, style: style)
        for row in 0..<rect.height {
            let index = scroll + row
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
