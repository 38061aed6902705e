import ClerkAPI
import Terminal

/// Draws the whole console for a model at a size. Pure: the same model gives the same grid.
public enum TriageView {
    public static func render(_ model: TriageModel) -> Grid {
        var grid = Grid(size: model.size, style: model.theme[.base])
        if model.isTooSmall {
            TooSmallView.render(model, into: &grid)
            return grid
        }
        HeaderView.render(model, into: &grid)
        switch model.screen {
        case .browse: BrowseView.render(model, into: &grid)
        case .detail(let detail): DetailView.render(model, detail, into: &grid)
        }
        switch model.overlay {
        case .none: break
        case .help(let scroll): HelpView.render(model, scroll: scroll, into: &grid)
        case .commandLine(let field): CommandLineView.render(model, field: field, into: &grid)
        }
        return grid
    }
}

enum TooSmallView {
    static func render(_ model: TriageModel, into grid: inout Grid) {
        let minimum = TriageModel.minimumSize
        let lines = ["Enlarge the window", "to at least \(minimum.width)×\(minimum.height)", "(now \(model.size.width)×\(model.size.height))"]
        for (index, line) in lines.enumerated() {
            let y = model.size.height / 2 - 1 + index
            let x = max(0, (model.size.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: y, style: model.theme[index == 0 ? .warning : .base])
        }
    }
}

enum HeaderView {
    static func render(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let role: ThemeRole = switch model.instance.kind {
        case .sandbox: .headerSandbox
        case .development: .headerDevelopment
        case .production: .headerProduction
        }
        let line = Rect(x: 0, y: 0, width: model.size.width, height: 1)
        let busy = model.isBusy ? Spinner.frame(model.spinnerTick) + " " : ""
        StatusBar(
            left: [Span(" clerk-triage ", theme[.header].adding(.bold)), Span(" \(model.instance.label) ", theme[role]),
                   Span(" \(model.instance.baseURL) · key \(model.instance.maskedKey)", theme[.header])],
            right: [Span(busy, theme[.header]), Span("no actions queued ", theme[.header])]
        ).render(into: &grid, in: line, style: theme[.header])
    }
}

enum CommandLineView {
    static func render(_ model: TriageModel, field: TextField, into grid: inout Grid) {
        let y = model.size.height - 1
        grid.fill(Rect(x: 0, y: y, width: model.size.width, height: 1), style: model.theme[.input])
        grid.put(":", x: 0, y: y, style: model.theme[.inputFocused])
        field.render(into: &grid, in: Rect(x: 1, y: y, width: model.size.width - 1, height: 1), style: model.theme[.input], focused: true)
    }
}

enum HelpView {
    static func render(_ model: TriageModel, scroll: Int, into grid: inout Grid) {
        let theme = model.theme
        var lines: [StyledLine] = []
        for section in model.keymap.helpSections() {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(section.context.capitalized, theme[.dialogTitle])])
            for line in section.lines {
                lines.append([Span("  " + line.keys.fitted(toColumns: 22), theme[.accent]), Span(line.summary, theme[.dialog])])
            }
        }
        lines += [[], [Span("Detail: 1–6 jump to a section. Any other key closes this help.", theme[.muted])]]
        let box = grid.bounds.centered(width: min(84, model.size.width - 2), height: min(lines.count + 2, model.size.height - 2))
        grid.fill(box, style: theme[.dialog])
        Box.draw(into: &grid, box, style: theme[.dialog])
        grid.put(" Keys ", x: box.x + 2, y: box.y, style: theme[.dialogTitle], clip: box)
        var pane = ScrollPane(lines: lines)
        pane.scroll(by: scroll, height: box.height - 2)
        pane.render(into: &grid, in: box.inset(by: 1), markerStyle: theme[.muted])
    }
}
