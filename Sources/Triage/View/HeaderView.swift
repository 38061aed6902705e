import Terminal

/// The top line: which instance this is (an agent must never mistake production for a sandbox)
/// and whether anything is loading.
enum HeaderView {
    static func render(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let role: ThemeRole = switch model.instance.kind {
        case .sandbox: .headerSandbox
        case .development: .headerDevelopment
        case .production: .headerProduction
        }
        let line = Rect(x: 0, y: 0, width: model.size.width, height: 1)
        let busy = model.isLoading ? Spinner.frame(model.spinnerTick) + " loading " : ""
        StatusBar(
            left: [Span(" clerk-triage ", theme[.header].adding(.bold)), Span(" \(model.instance.label) ", theme[role]),
                   Span(" \(model.instance.baseURL) · key \(model.instance.maskedKey)", theme[.header])],
            right: [Span(busy, theme[.header])]
        ).render(into: &grid, in: line, style: theme[.header])
    }
}
