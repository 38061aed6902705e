import Terminal

/// The top line: which instance this is (an agent must never mistake production for a sandbox)
/// and whether anything is loading.
enum HeaderView {
    static func render(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let role = InstanceBadge.role(model.instance.kind)
        let line = Rect(x: 0, y: 0, width: model.size.width, height: 1)
        let busy = model.isLoading ? Spinner.frame(model.spinnerTick) + " loading " : ""
        var left: StyledLine = [Span(" clerk-triage ", theme[.header].adding(.bold)), Span(" \(model.instance.title) ", theme[role])]
        if model.readOnly { left.append(Span(" READ-ONLY ", theme[.warning].adding(.bold))) }
        left.append(Span(" \(model.instance.baseURL) · key \(model.instance.maskedKey)", theme[.header]))
        let totals = model.queue.totals
        let queueRole: ThemeRole = model.queue.failed > 0 || model.queue.waitingForOperator > 0 ? .error : .header
        StatusBar(left: left, right: [Span(busy, theme[.header]), Span(totals.isEmpty ? "" : totals + " ", theme[queueRole])])
            .render(into: &grid, in: line, style: theme[.header])
    }
}
