import Terminal

/// A centred box with a title, for dialogs and panels. Every string in it is sanitised by the grid.
struct PanelFrame {
    let box: Rect

    init(model: TriageModel, title: String, width: Int, height: Int, into grid: inout Grid) {
        let theme = model.theme
        box = Rect(model.size).centered(width: min(width, model.size.width - 2), height: min(height, model.size.height - 2))
        grid.fill(box, style: theme[.dialog])
        Box.draw(into: &grid, box, style: theme[.dialog])
        grid.put(" \(title) ".truncated(toColumns: max(1, box.width - 4)), x: box.x + 2, y: box.y, style: theme[.dialogTitle], clip: box)
        // The production banner stays in every dialog: an agent must never act on production unawares.
        // A named instance is named in every dialog, whatever its kind: with several configured,
        // the kind alone does not say which.
        if model.instance.kind == .production || model.instance.name != nil {
            let banner = " \(model.instance.title) "
            grid.put(banner, x: max(box.x + 2, box.maxX - DisplayWidth.of(banner) - 2), y: box.y, style: InstanceBadge.style(model).adding(.bold), clip: box)
        }
    }

    var inner: Rect { Rect(x: box.x + 2, y: box.y + 1, width: max(0, box.width - 4), height: max(0, box.height - 2)) }

    func line(_ spans: StyledLine, row: Int, into grid: inout Grid) {
        let area = inner
        guard row >= 0, row < area.height else { return }
        grid.put(spans.truncated(toColumns: area.width), x: area.x, y: area.y + row, clip: Rect(x: area.x, y: area.y + row, width: area.width, height: 1))
    }

    func hint(_ text: String, style: Style, into grid: inout Grid) {
        grid.put(" \(text) ".truncated(toColumns: max(1, box.width - 4)), x: box.x + 2, y: box.maxY - 1, style: style, clip: box)
    }
}

/// The instance's colours: the header's, by kind.
enum InstanceBadge {
    static func role(_ kind: Instance.Kind) -> ThemeRole {
        switch kind {
        case .sandbox: .headerSandbox
        case .development: .headerDevelopment
        case .production: .headerProduction
        }
    }

    static func style(_ model: TriageModel) -> Style { model.theme[role(model.instance.kind)] }
}
