/// A table with a header row, a selection, marked rows (multi-select) and columns whose widths
/// follow the space available.
public struct TableView: Sendable {
    public struct Column: Sendable, Hashable {
        public enum Width: Sendable, Hashable {
            case fixed(Int)
            /// A share of what the fixed columns leave, never below `min`.
            case flexible(weight: Int, min: Int)
        }

        public var title: String
        public var width: Width
        public var alignRight: Bool
        /// When the table is too narrow, columns of lower priority go first (ties: the rightmost).
        public var priority: Int

        public init(_ title: String, _ width: Width, alignRight: Bool = false, priority: Int = 0) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
            self.priority = priority
        }
    }

    public struct Row: Sendable, Hashable {
        public var cells: [String]
        /// Overrides the row style (banned, locked…); the selection still wins.
        public var role: ThemeRole?
        public var marked: Bool

        public init(_ cells: [String], role: ThemeRole? = nil, marked: Bool = false) {
            self.cells = cells
            self.role = role
            self.marked = marked
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    public var selected: Int?
    /// A title cell suffix showing the sort, e.g. "▼" after "Created".
    public var sortIndicator: (column: Int, symbol: String)?
    /// Rows drawn faint: they are shown for orientation only (e.g. an older answer).
    public var dimmed = false

    public init(columns: [Column], rows: [Row], selected: Int?) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
    }

    /// Column widths for `total` columns of space, one column of gap between them. Columns that
    /// cannot fit at their minimum are dropped, lowest priority first; a dropped column has width 0.
    public static func layout(_ columns: [Column], total: Int) -> [Int] {
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): width
            case .flexible(_, let minimum): minimum
            }
        }
        var visible = Array(columns.indices)
        func used() -> Int { visible.reduce(0) { $0 + widths[$1] } + max(0, visible.count - 1) + 1 }
        while visible.count > 1, used() > total {
            let lowest = visible.min { columns[$0].priority < columns[$1].priority || (columns[$0].priority == columns[$1].priority && $0 > $1) }
            visible.removeAll { $0 == lowest }
        }
        let spare = max(0, total - used())
        let weights = visible.map { index -> Int in
            if case .flexible(let weight, _) = columns[index].width { return weight }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            for (position, index) in visible.enumerated() where weights[position] > 0 {
                let share = spare * weights[position] / totalWeight
                widths[index] += share
                given += share
            }
            if let last = visible.indices.last(where: { weights[$0] > 0 }) { widths[visible[last]] += spare - given }
        }
        return columns.indices.map { visible.contains($0) ? widths[$0] : 0 }
    }

    public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        let widths = Self.layout(columns, total: rect.width)
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme[.tableHeader])
        var x = rect.x + 1
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            var title = column.title
            if let sort = sortIndicator, sort.column == index { title += " " + sort.symbol }
            grid.put(title, x: x, y: rect.y, width: widths[index], style: theme[.tableHeader], alignRight: column.alignRight)
            x += widths[index] + 1
        }
        for (offset, row) in rows.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + offset
            var style = theme[row.role ?? .row]
            if row.marked { style = theme[.marked] }
            if offset == selected { style = theme[.selection] }
            if dimmed { style = style.adding(.dim) }
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            grid.put(row.marked ? "•" : " ", x: rect.x, y: y, style: style, clip: rect)
            var cellX = rect.x + 1
            for (index, width) in widths.enumerated() where width > 0 {
                let text = index < row.cells.count ? row.cells[index] : ""
                grid.put(text, x: cellX, y: y, width: width, style: style, alignRight: columns[index].alignRight)
                cellX += width + 1
            }
        }
    }
}
