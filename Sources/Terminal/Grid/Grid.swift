/// One terminal cell. A wide character occupies its cell and marks the next as its continuation.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// What a frame looks like: a rectangle of styled cells. Views draw into a grid; the backend
/// draws the grid. Every string enters through `put`, which sanitises it, so nothing a Clerk
/// user typed can reach the terminal as a control sequence.
public struct Grid: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, style: Style = .plain) {
        self.size = size
        cells = Array(repeating: Cell(style: style), count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` from (x, y), clipped to `clip` and the grid; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip.map { intersect($0) } ?? bounds
        guard y >= area.y, y < area.maxY else { return 0 }
        var column = x
        for character in Sanitizer.clean(text) {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if column + width > area.maxX {
                // Half a wide character does not fit: fill the last column instead of splitting it.
                if column >= area.x, column < area.maxX { set(column, y, Cell(" ", style: style)) }
                column = area.maxX
                break
            }
            if column >= area.x {
                set(column, y, Cell(character, style: style))
                if width == 2 { set(column + 1, y, Cell(" ", style: style, isContinuation: true)) }
            }
            column += width
        }
        return max(0, column - x)
    }

    /// Writes `text` truncated with an ellipsis to `width` columns and padded to exactly that.
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, style: Style, alignRight: Bool = false) {
        put(Sanitizer.clean(text).fitted(toColumns: width, alignRight: alignRight), x: x, y: y, style: style,
            clip: Rect(x: x, y: y, width: width, height: 1))
    }

    public mutating func fill(_ rect: Rect, style: Style, character: Character = " ") {
        let area = intersect(rect)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * size.width + column] = Cell(character, style: style) }
        }
    }

    /// Changes the style of cells already drawn (a highlight over text), keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = intersect(rect)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * size.width + column].style = transform(cells[row * size.width + column].style) }
        }
    }

    /// The text of a row as a person reads it (continuations skipped), for tests and snapshots.
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation { text.append(self[x, y].character) }
        return text
    }

    public var rows: [String] { (0..<size.height).map(rowText) }

    private func intersect(_ rect: Rect) -> Rect {
        let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
        let x1 = min(rect.maxX, size.width), y1 = min(rect.maxY, size.height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let index = y * size.width + x
        // Overwriting either half of a wide character leaves a blank, never half a glyph.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if !cell.isContinuation, x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
