import ClerkAPI
import Terminal

enum DetailView {
    static func render(_ model: TriageModel, _ detail: DetailState, into grid: inout Grid) {
        let theme = model.theme
        let width = model.size.width
        var title: StyledLine = [Span(" ", theme[.base])]
        let user = model.users[detail.userID]
        if let user {
            title.append(Span(user.fullName ?? user.username ?? "(no name)", theme[.accent].adding(.bold)))
            if let email = user.primaryEmailAddress?.emailAddress { title.append(Span("  " + email, theme[.base])) }
            title.append(Span("  " + user.id, theme[.muted]))
            if user.banned { title.append(Span("  BANNED", theme[.banned].adding(.bold))) }
            if user.locked { title.append(Span("  LOCKED", theme[.locked].adding(.bold))) }
            if detail.fetch.isLoading { title.append(Span("  reloading…", theme[.muted])) }
            if detail.fetch.error != nil { title.append(Span("  STALE", theme[.warning].adding(.bold))) }
        } else {
            title.append(Span(detail.userID, theme[.accent]))
        }
        grid.put(title, x: 0, y: 1, clip: Rect(x: 0, y: 1, width: width, height: 1))
        Tabs(titles: DetailState.Section.allCases.map(\.title), selected: detail.section.rawValue)
            .render(into: &grid, in: Rect(x: 0, y: 2, width: width, height: 1), theme: theme)

        let content = Rect(x: 1, y: 3, width: width - 1, height: model.size.height - DetailLayout.chromeRows)
        var pane = ScrollPane(lines: DetailContent(theme: theme, now: model.now).lines(detail, user: user))
        pane.scroll(by: detail.scroll[detail.section, default: 0], height: content.height)
        pane.render(into: &grid, in: content, markerStyle: theme[.muted])

        let hints: [(TriageAction, String)] = [(.back, "back"), (.actionMenu, "actions"), (.nextSection, "section"), (.scrollDown, "scroll"),
                                               (.copyID, "copy id"), (.reload, "reload"), (.help, "help")]
        let labelled = hints.compactMap { action, label in
            model.isAvailable(action) ? model.keymap.keys(for: action).first.map { ($0.label, label) } : nil
        }
        let left: StyledLine = model.status.map { [Span(" " + $0.text, theme[$0.isError ? .error : .statusBar])] }
            ?? [Span(" ", theme[.statusBar])] + HintBar.line(labelled, keyStyle: theme[.statusBar].adding(.bold), labelStyle: theme[.statusBar])
        StatusBar(left: left, right: [Span("\(detail.section.title) ", theme[.statusBar])])
            .render(into: &grid, in: Rect(x: 0, y: model.size.height - 1, width: width, height: 1), style: theme[.statusBar])
    }
}
