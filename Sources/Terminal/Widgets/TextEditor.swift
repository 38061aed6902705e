/// A multi-line text editor for structured text such as JSON: cursor movement by character, word
/// and line, insert and delete across lines, bracketed paste, auto-indent, bracket and quote
/// pairing, undo and redo. The metadata editor is built on it.
///
/// The cursor's column counts `Character`s (an emoji, or a letter with a combining accent, is one
/// step), while scrolling and drawing count terminal cells, so a wide character is one step and the
/// cursor is drawn where the character is. Scrolling follows the cursor both ways within
/// `viewport` (which the caller sets to the size it draws at); `render` only reads the state, so
/// drawing never changes the editor. Undo and redo are not bound to keys here: the app calls
/// `undo()` and `redo()` from its keymap.
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
    /// First visible cell of every line: long lines scroll sideways to keep the cursor in view.
    public private(set) var columnScroll = 0
    /// The size the editor is drawn at (gutter included): scrolling and PgUp/PgDn use it.
    public var viewport = Size(width: 0, height: 0) {
        didSet { keepCursorVisible() }
    }
    /// Typing `{`, `[` or `"` also types its closer; off, every key types exactly itself.
    public var closesPairs = true
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    /// Typing a run of characters is one undo step, not one per character.
    private var coalescingTyping = false
    /// The cell Up and Down aim for, kept across shorter lines so the cursor comes back to it.
    private var goalCell: Int?
    /// Closers the editor typed on the cursor's line: typing the same closer in front of one
    /// steps over it instead of doubling it. Forgotten when lines are split or joined.
    private var autoClosers: Set<Position> = []
    public static let undoLimit = 200
    /// Spaces per indentation level, as the preview pretty-prints JSON.
    public static let indentWidth = 2
    static let pairs: [Character: Character] = ["{": "}", "[": "]", "\"": "\""]

    public init(_ text: String = "") {
        lines = Self.split(text)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var lineCount: Int { lines.count }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    public mutating func moveCursor(to position: Position) {
        place(position)
        coalescingTyping = false
        goalCell = nil
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
        var vertical = false
        switch key {
        case .character(let character):
            type(character)
            goalCell = nil
            return true
        case .enter:
            saveUndo()
            newLine()
        case .tab:
            saveUndo()
            insertOnLine(Array(repeating: " ", count: Self.indentWidth))
        case .paste(let pasted):
            // Verbatim: pasted JSON is already indented and closed.
            saveUndo()
            insert(pasted)
        case .backspace:
            saveUndo()
            backspace()
        case .delete, .control("d"):
            saveUndo()
            if cursor.column < lines[cursor.line].count {
                removeOnLine(cursor.column..<cursor.column + 1)
            } else {
                joinNextLine()
            }
        case .control("k"):
            saveUndo()
            if cursor.column < lines[cursor.line].count {
                removeOnLine(cursor.column..<lines[cursor.line].count)
            } else {
                joinNextLine()
            }
        case .control("w"), .alt(Key.altBackspace):
            saveUndo()
            let start = wordStart()
            if start.line == cursor.line {
                removeOnLine(start.column..<cursor.column)
                cursor = start
            } else {
                backspace()
            }
        case .alt("d"):
            saveUndo()
            let end = wordEnd()
            if end.line == cursor.line { removeOnLine(cursor.column..<end.column) } else { joinNextLine() }
        case .left:
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 { cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count) }
        case .right:
            if cursor.column < lines[cursor.line].count { cursor.column += 1 } else if cursor.line + 1 < lines.count { cursor = Position(line: cursor.line + 1, column: 0) }
        case .controlLeft, .alt("b"): cursor = wordStart()
        case .controlRight, .alt("f"): cursor = wordEnd()
        case .up: moveVertically(to: cursor.line - 1); vertical = true
        case .down: moveVertically(to: cursor.line + 1); vertical = true
        case .pageUp: moveVertically(to: cursor.line - pageSize); vertical = true
        case .pageDown: moveVertically(to: cursor.line + pageSize); vertical = true
        case .home, .control("a"): cursor.column = 0
        case .end, .control("e"): cursor.column = lines[cursor.line].count
        default:
            return false
        }
        coalescingTyping = false
        if !vertical { goalCell = nil }
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
        goalCell = nil
        autoClosers.removeAll()
        keepCursorVisible()
    }

    private mutating func saveUndo() {
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
        redoStack.removeAll()
    }

    // MARK: Typing

    private mutating func type(_ character: Character) {
        let line = lines[cursor.line]
        let next = cursor.column < line.count ? line[cursor.column] : nil
        if next == character, autoClosers.contains(cursor) {
            autoClosers.remove(cursor)
            cursor.column += 1
            return
        }
        // A space ends a word: the next undo stops there.
        if !coalescingTyping || character == " " { saveUndo() }
        coalescingTyping = character != " "
        // A combining accent or a joiner typed after its base becomes part of it, as it looks.
        if cursor.column > 0, let combined = Self.combined(line[cursor.column - 1], character) {
            lines[cursor.line][cursor.column - 1] = combined
            return
        }
        if character == "}" || character == "]", cursor.column > 0, line[..<cursor.column].allSatisfy({ $0 == " " }) {
            let stop = (cursor.column - 1) / Self.indentWidth * Self.indentWidth
            removeOnLine(stop..<cursor.column)
            cursor.column = stop
        }
        if closesPairs, let closer = Self.pairs[character], pairs(character, before: next) {
            insertOnLine([character, closer])
            cursor.column -= 1
            autoClosers.insert(cursor)
            return
        }
        insertOnLine([character])
    }

    /// The base and what was typed after it as one character, when they join (é from e and
    /// U+0301, a ZWJ emoji sequence); never onto JSON punctuation, whose meaning would change.
    private static func combined(_ base: Character, _ typed: Character) -> Character? {
        guard !"{}[]\":,\\ ".contains(base) else { return nil }
        let joined = String(base) + String(typed)
        guard joined.count == 1, let character = joined.first else { return nil }
        return character
    }

    /// Whether typing `opener` also types its closer: not inside a string, not glued to a word
    /// (a closing quote after letters), and only where a closer could follow.
    private func pairs(_ opener: Character, before next: Character?) -> Bool {
        let line = lines[cursor.line]
        if insideString(line, before: cursor.column) { return false }
        if opener == "\"", cursor.column > 0, Self.isWord(line[cursor.column - 1]) { return false }
        guard let next else { return true }
        return next == " " || "}],:".contains(next)
    }

    /// Whether `column` lies inside a string on the line: quotes counted from the line start,
    /// escaped ones skipped (JSON strings never span lines).
    private func insideString(_ line: [Character], before column: Int) -> Bool {
        var inside = false
        var escaped = false
        for character in line[..<column] {
            if escaped {
                escaped = false
            } else if inside, character == "\\" {
                escaped = true
            } else if character == "\"" {
                inside.toggle()
            }
        }
        return inside
    }

    /// Enter keeps the line's indentation, adds a level after `{` or `[`, and between a pair
    /// (`{|}`) puts the closer on a line of its own at the outer level.
    private mutating func newLine() {
        let line = lines[cursor.line]
        let left = Array(line[..<cursor.column])
        let rest = Array(line[cursor.column...].drop { $0 == " " })
        let indent = left.prefix { $0 == " " }.count
        let opener = left.last { $0 != " " }
        let opens = opener == "{" || opener == "["
        let inner = indent + (opens ? Self.indentWidth : 0)
        lines[cursor.line] = left
        if opens, let opener, let closer = Self.pairs[opener], rest.first == closer {
            lines.insert(Self.spaces(inner), at: cursor.line + 1)
            lines.insert(Self.spaces(indent) + rest, at: cursor.line + 2)
        } else {
            lines.insert(Self.spaces(inner) + rest, at: cursor.line + 1)
        }
        cursor = Position(line: cursor.line + 1, column: inner)
        autoClosers.removeAll()
    }

    private mutating func backspace() {
        let line = lines[cursor.line]
        let column = cursor.column
        guard column > 0 else {
            guard cursor.line > 0 else { return }
            cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count)
            joinNextLine()
            return
        }
        if closesPairs, column < line.count, let closer = Self.pairs[line[column - 1]], line[column] == closer {
            removeOnLine(column - 1..<column + 1)
        } else if line[..<column].allSatisfy({ $0 == " " }) {
            // In the indentation, one level at a time.
            removeOnLine((column - 1) / Self.indentWidth * Self.indentWidth..<column)
        } else {
            removeOnLine(column - 1..<column)
        }
    }

    // MARK: Editing primitives (they keep the auto-typed closers where their characters went)

    private mutating func insertOnLine(_ characters: [Character]) {
        let at = cursor.column
        lines[cursor.line].insert(contentsOf: characters, at: at)
        autoClosers = Set(autoClosers.map { $0.line == cursor.line && $0.column >= at ? Position(line: $0.line, column: $0.column + characters.count) : $0 })
        cursor.column += characters.count
    }

    /// Removes `range` from the cursor's line; a cursor after it moves back with the text.
    private mutating func removeOnLine(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        lines[cursor.line].removeSubrange(range)
        autoClosers = Set(autoClosers.compactMap { position in
            guard position.line == cursor.line, position.column >= range.lowerBound else { return position }
            return position.column < range.upperBound ? nil : Position(line: position.line, column: position.column - range.count)
        })
        if cursor.column >= range.upperBound { cursor.column -= range.count } else if cursor.column > range.lowerBound { cursor.column = range.lowerBound }
    }

    private mutating func joinNextLine() {
        guard cursor.line + 1 < lines.count else { return }
        lines[cursor.line] += lines.remove(at: cursor.line + 1)
        autoClosers.removeAll()
    }

    private mutating func insert(_ text: String) {
        let pieces = Self.split(text)
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
        autoClosers.removeAll()
    }

    private static func split(_ text: String) -> [[Character]] {
        // "\r\n" is one Character in Swift: without this a Windows line end would not split.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        return lines.isEmpty ? [[]] : lines
    }

    private static func spaces(_ count: Int) -> [Character] { Array(repeating: " ", count: count) }

    // MARK: Movement

    static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before the cursor; from a line's start, the end of the line above.
    private func wordStart() -> Position {
        let line = lines[cursor.line]
        guard cursor.column > 0 else {
            return cursor.line > 0 ? Position(line: cursor.line - 1, column: lines[cursor.line - 1].count) : cursor
        }
        var column = cursor.column
        while column > 0, !Self.isWord(line[column - 1]) { column -= 1 }
        while column > 0, Self.isWord(line[column - 1]) { column -= 1 }
        return Position(line: cursor.line, column: column)
    }

    /// The end of the word after the cursor; from a line's end, the start of the line below.
    private func wordEnd() -> Position {
        let line = lines[cursor.line]
        guard cursor.column < line.count else {
            return cursor.line + 1 < lines.count ? Position(line: cursor.line + 1, column: 0) : cursor
        }
        var column = cursor.column
        while column < line.count, !Self.isWord(line[column]) { column += 1 }
        while column < line.count, Self.isWord(line[column]) { column += 1 }
        return Position(line: cursor.line, column: column)
    }

    /// Up, Down, PgUp, PgDn: to the character under the cell the cursor was in, not the same
    /// character count, so the cursor does not jump sideways past wide characters.
    private mutating func moveVertically(to line: Int) {
        let goal = goalCell ?? Self.cells(lines[cursor.line][..<cursor.column])
        goalCell = goal
        cursor.line = min(max(line, 0), lines.count - 1)
        var used = 0
        var column = 0
        for character in lines[cursor.line] {
            let width = Self.cells(character)
            if used + width > goal { break }
            used += width
            column += 1
        }
        cursor.column = column
    }

    // MARK: Cells

    /// Terminal cells a character takes as drawn: what the sanitiser shows for a control, and one
    /// cell for a combining mark on its own (drawn on a dotted circle), so nothing takes none.
    static func cells(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return max(1, DisplayWidth.of(glyph(character)))
    }

    static func cells(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + cells($1) }
    }

    static func glyph(_ character: Character) -> String {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return String(character) }
        let clean = Sanitizer.clean(String(character))
        return DisplayWidth.of(clean) == 0 ? "◌" + clean : clean
    }

    private var gutterWidth: Int { String(lines.count).count + 1 }

    /// Scrolls just enough to show the cursor in `viewport`, and no further than the text.
    private mutating func keepCursorVisible() {
        let height = viewport.height
        if height > 0 {
            if cursor.line < scroll { scroll = cursor.line }
            if cursor.line >= scroll + height { scroll = cursor.line - height + 1 }
            scroll = max(0, min(scroll, lines.count - height))
        } else {
            scroll = min(scroll, cursor.line)
        }
        let width = viewport.width - gutterWidth
        columnScroll = width > 0 ? fittedColumnScroll(from: columnScroll, width: width) : 0
    }

    /// The first visible cell that shows the cursor in `width` cells, starting from `current`.
    /// When a line is scrolled, its first cell shows that text continues to the left, and the
    /// last cell of a line that goes on shows it continues to the right: the cursor stays off
    /// both. Leaving the view jumps a quarter of it, so typing at the end of a long line does
    /// not redraw every row at every key.
    func fittedColumnScroll(from current: Int, width: Int) -> Int {
        let line = lines[cursor.line]
        let cursorCell = Self.cells(line[..<cursor.column])
        let cursorWidth = cursor.column < line.count ? Self.cells(line[cursor.column]) : 1
        let lineWidth = Self.cells(line[...])
        guard width > 2 else { return max(0, cursorCell + cursorWidth - width) }
        func fits(_ scroll: Int) -> Bool {
            let left = scroll == 0 || cursorCell >= scroll + 1
            let right = lineWidth > scroll + width ? scroll + width - 1 : scroll + width
            return left && cursorCell + cursorWidth <= right
        }
        if fits(current) { return current }
        let margin = width / 4
        if cursorCell + cursorWidth > current + width - 1 {
            let scroll = max(0, cursorCell + cursorWidth - (width - 1) + margin)
            return fits(scroll) ? scroll : max(0, cursorCell + cursorWidth - (width - 1))
        }
        return fits(0) ? 0 : max(0, cursorCell - 1 - margin)
    }

    // MARK: Drawing

    /// Draws the visible lines from `scroll` and `columnScroll` with a line-number gutter, each
    /// character in the style `highlight` gives it (one style per character of the line). Reads
    /// the state only: if `rect` is not the `viewport` the editor scrolled for, the cursor is
    /// still shown.
    public func render(into grid: inout Grid, in rect: Rect, style: Style, gutterStyle: Style, focused: Bool,
                       highlight: (([Character]) -> [Style])? = nil) {
        guard !rect.isEmpty else { return }
        var first = scroll
        if cursor.line < first { first = cursor.line }
        if cursor.line >= first + rect.height { first = cursor.line - rect.height + 1 }
        let gutter = gutterWidth
        let width = rect.width - gutter
        let left = width > 0 ? fittedColumnScroll(from: columnScroll, width: width) : 0
        // The gutter's colour on the text's background: the markers are part of the text area.
        let markerStyle = Style(foreground: gutterStyle.foreground, background: style.background, attributes: gutterStyle.attributes)
        grid.fill(rect, style: style)
        for row in 0..<rect.height {
            let index = first + row
            guard index < lines.count else { break }
            let y = rect.y + row
            grid.put(String(index + 1).fitted(toColumns: gutter - 1, alignRight: true), x: rect.x, y: y, style: gutterStyle,
                     clip: Rect(x: rect.x, y: y, width: gutter, height: 1))
            guard width > 0 else { continue }
            let textArea = Rect(x: rect.x + gutter, y: y, width: width, height: 1)
            let line = lines[index]
            let styles = highlight?(line)
            func styleAt(_ column: Int) -> Style {
                guard let styles, column < styles.count else { return style }
                return styles[column]
            }
            // Drawn in runs of one style: a call per character costs too much on every keystroke.
            var run = ""
            var runX = textArea.x
            var runStyle = style
            var cell = 0
            for (column, character) in line.enumerated() {
                let cellWidth = Self.cells(character)
                defer { cell += cellWidth }
                if cell + cellWidth <= left { continue }
                if cell >= left + width { break }
                let characterStyle = styleAt(column)
                if cell < left {
                    // Half a wide character at the left edge: its visible half stays blank.
                    grid.put(" ", x: textArea.x, y: y, style: characterStyle, clip: textArea)
                    continue
                }
                if characterStyle != runStyle || run.isEmpty {
                    grid.put(run, x: runX, y: y, style: runStyle, clip: textArea)
                    run = ""
                    runX = textArea.x + cell - left
                    runStyle = characterStyle
                }
                run += Self.glyph(character)
            }
            grid.put(run, x: runX, y: y, style: runStyle, clip: textArea)
            let lineWidth = Self.cells(line[...])
            if left > 0, lineWidth > 0 { grid.put("…", x: textArea.x, y: y, style: markerStyle, clip: textArea) }
            if lineWidth > left + width { grid.put("…", x: textArea.maxX - 1, y: y, style: markerStyle, clip: textArea) }
            if focused, index == cursor.line {
                let cursorX = textArea.x + Self.cells(line[..<cursor.column]) - left
                let under = cursor.column < line.count ? Self.glyph(line[cursor.column]) : " "
                if cursorX >= textArea.x, cursorX < textArea.maxX {
                    grid.put(under, x: cursorX, y: y, style: styleAt(cursor.column).adding(.reverse), clip: textArea)
                }
            }
        }
    }
}
