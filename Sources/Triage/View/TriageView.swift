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
        case .metadata(let editor): MetadataView.render(model, editor, into: &grid)
        }
        switch model.overlay {
        case .none: break
        case .help(let scroll): HelpView.render(model, scroll: scroll, into: &grid)
        case .commandLine(let field): CommandLineView.render(model, field: field, into: &grid)
        case .dialog(let dialog): DialogView.render(model, dialog, into: &grid)
        case .menu(let menu): MenuView.render(model, menu, into: &grid)
        case .queue(let selection): QueuePanelView.render(model, selection: selection, into: &grid)
        case .audit(let panel): AuditView.render(model, panel, into: &grid)
        case .resume(let unfinished): PromptViews.resume(model, unfinished, into: &grid)
        case .quitWithUnfinished: PromptViews.quit(model, into: &grid)
        case .switchWithUnfinished(let name): InstanceSwitchView.render(model, to: name, into: &grid)
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

enum CommandLineView {
    static func render(_ model: TriageModel, field: TextField, into grid: inout Grid) {
        let y = model.size.height - 1
        grid.fill(Rect(x: 0, y: y, width: model.size.width, height: 1), style: model.theme[.input])
        grid.put(":", x: 0, y: y, style: model.theme[.inputFocused])
        // A command typed here acts on this instance: a named one says which at the line's end.
        var width = model.size.width - 1
        if model.instance.name != nil {
            let badge = " \(model.instance.title) "
            let badgeWidth = DisplayWidth.of(badge)
            if width - badgeWidth >= 20 {
                width -= badgeWidth
                grid.put(badge, x: model.size.width - badgeWidth, y: y, style: InstanceBadge.style(model))
            }
        }
        field.render(into: &grid, in: Rect(x: 1, y: y, width: width, height: 1), style: model.theme[.input], focused: true)
    }
}
