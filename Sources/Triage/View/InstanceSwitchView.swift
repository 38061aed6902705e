import Terminal

/// `:instance NAME` with commands unfinished: the same question as quitting, about switching.
enum InstanceSwitchView {
    static func render(_ model: TriageModel, to name: String, into grid: inout Grid) {
        let theme = model.theme
        let width = min(74, model.size.width - 2) - 4
        let count = model.queue.unfinished
        var lines: [StyledLine] = [[Span("\(count) command\(count == 1 ? " is" : "s are") not finished on \(model.instance.title).", theme[.dialog])]]
        for piece in Wrap.words("Switching to \(name) now keeps them in this instance's journal; they are offered for resuming when the console next opens on it.", width: width) {
            lines.append([Span(piece, theme[.muted])])
        }
        lines.append([])
        let now = model.keymap.label(for: .quitNow)
        lines.append([Span("[ Enter wait, then switch ]", theme[.buttonFocused]), Span("   \(now) switch now   Esc stay", theme[.dialog])])
        let frame = PanelFrame(model: model, title: "Switch to \(name)", width: width + 4, height: lines.count + 2, into: &grid)
        for (row, line) in lines.enumerated() { frame.line(line, row: row, into: &grid) }
    }
}
