/// A row of tab titles with one selected.
public struct Tabs: Sendable, Hashable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = min(max(selected, 0), max(titles.count - 1, 0))
    }

    public mutating func next() { selected = titles.isEmpty ? 0 : (selected + 1) % titles.count }
    public mutating func previous() { selected = titles.isEmpty ? 0 : (selected + titles.count - 1) % titles.count }

    public func render(into grid: inout Grid, in rect: Rect, theme: Theme) {
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme[.tab])
        var x = rect.x
        for (index, title) in titles.enumerated() {
            let label = " \(index + 1) \(title) "
            x += grid.put(label, x: x, y: rect.y, style: index == selected ? theme[.tabActive] : theme[.tab], clip: rect)
        }
    }
}
