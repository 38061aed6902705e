import Terminal

/// The help overlay's text and box, shared by the view (to draw) and `update` (to keep the
/// scroll within the text).
enum HelpLayout {
    static let keyColumns = 22

    static func box(_ model: TriageModel) -> Rect {
        Rect(model.size).centered(width: min(84, model.size.width - 2), height: min(lines(model).count + 2, model.size.height - 2))
    }

    static func textHeight(_ model: TriageModel) -> Int { max(1, box(model).height - 2) }

    /// Every available action, by context, with summaries wrapped to the box (never cut).
    static func lines(_ model: TriageModel) -> [StyledLine] {
        let theme = model.theme
        let inner = min(84, model.size.width - 2) - 2
        let summaryWidth = max(10, inner - 2 - keyColumns - 1)
        var lines: [StyledLine] = []
        for section in model.keymap.helpSections(where: { model.isAvailable($0) || $0 == .cycleBanned }) {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(section.context.rawValue.capitalized, theme[.dialogTitle])])
            for line in section.lines {
                for (index, piece) in Wrap.words(line.summary, width: summaryWidth).enumerated() {
                    let keys = index == 0 ? line.keys.fitted(toColumns: keyColumns) : String(repeating: " ", count: keyColumns)
                    lines.append([Span("  " + keys, theme[.accent]), Span(piece, theme[.dialog])])
                }
            }
        }
        lines += [[], [Span("Any key not listed under Help closes this help.", theme[.muted])]]
        return lines
    }
}

enum HelpView {
    static func render(_ model: TriageModel, scroll: Int, into grid: inout Grid) {
        let theme = model.theme
        let box = HelpLayout.box(model)
        grid.fill(box, style: theme[.dialog])
        Box.draw(into: &grid, box, style: theme[.dialog])
        grid.put(" Keys ", x: box.x + 2, y: box.y, style: theme[.dialogTitle], clip: box)
        var pane = ScrollPane(lines: HelpLayout.lines(model))
        pane.scroll(by: scroll, height: box.height - 2)
        pane.render(into: &grid, in: box.inset(by: 1), markerStyle: theme[.muted])
    }
}
