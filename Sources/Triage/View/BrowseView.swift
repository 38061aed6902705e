import ClerkAPI
import Terminal

enum BrowseView {
    static func render(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let browse = model.browse
        let width = model.size.width
        renderSearch(model, into: &grid)

        let tableArea = Rect(x: 0, y: 3, width: width, height: model.size.height - 4)
        let rows = model.rows
        switch (browse.pageState, rows.isEmpty) {
        case (.failed(let error), _):
            renderError(error, model: model, in: tableArea, into: &grid)
        case (.initial, true), (.loading, true):
            centered("\(Spinner.frame(model.spinnerTick)) Loading users…", style: theme[.muted], in: tableArea, into: &grid)
        case (.ready, true):
            let message = browse.form.isEmpty ? "This instance has no users yet." : "No users match these filters."
            centered(message, style: theme[.muted], in: tableArea, into: &grid)
            let hint = "Change the search above (/) or press b to change the banned filter.".truncated(toColumns: width)
            grid.put(hint, x: max(0, (width - DisplayWidth.of(hint)) / 2), y: tableArea.y + tableArea.height / 2 + 1, style: theme[.hint])
        default:
            // Rows that answer an earlier search or another page stay visible for orientation but
            // are dimmed and unselected: nothing acts on them until the right rows arrive.
            let current = browse.isCurrent
            var table = TableView(
                columns: UserRow.columns,
                rows: rows.map { user in
                    TableView.Row(UserRow.cells(user, now: model.now, command: model.queue.latest(for: user.id)),
                                  role: current ? UserRow.role(user) : .muted, marked: browse.marked.contains(user.id))
                },
                selected: browse.focus == .table && current ? browse.selection : nil)
            if !current { table.dimmed = true }
            if let column = UserRow.column(for: browse.order.field) {
                table.sortIndicator = (column, browse.order.direction == .ascending ? "▲" : "▼")
            }
            table.render(into: &grid, in: tableArea, theme: theme)
        }
        StatusBar(left: statusLeft(model), right: [Span(pageSummary(model) + " ", theme[.statusBar])])
            .render(into: &grid, in: Rect(x: 0, y: model.size.height - 1, width: width, height: 1), style: theme[.statusBar])
    }

    static func renderSearch(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let form = model.browse.form
        let width = model.size.width
        func focused(_ field: SearchForm.Field) -> Bool { model.browse.focus == .field(field) }
        func label(_ text: String, _ field: SearchForm.Field, x: Int, y: Int) -> Int {
            grid.put(text, x: x, y: y, style: focused(field) ? theme[.accent].adding(.bold) : theme[.muted])
        }
        grid.fill(Rect(x: 0, y: 1, width: width, height: 2), style: theme[.base])
        let queryX = 1 + label("Search ", .query, x: 1, y: 1)
        form.query.render(into: &grid, in: Rect(x: queryX, y: 1, width: width - queryX - 1, height: 1),
                          style: theme[focused(.query) ? .inputFocused : .input], focused: focused(.query),
                          placeholder: "/ to search emails, phones, usernames, ids and names")
        let bannedText = "Banned: \(form.banned.label)"
        let fieldWidth = max(8, (width - 20 - DisplayWidth.of(bannedText)) / 2)
        var x = 1 + label("Email ", .email, x: 1, y: 2)
        form.email.render(into: &grid, in: Rect(x: x, y: 2, width: fieldWidth - 6, height: 1),
                          style: theme[focused(.email) ? .inputFocused : .input], focused: focused(.email))
        x += fieldWidth - 6 + 2
        x += label("Name ", .name, x: x, y: 2)
        form.name.render(into: &grid, in: Rect(x: x, y: 2, width: fieldWidth - 5, height: 1),
                         style: theme[focused(.name) ? .inputFocused : .input], focused: focused(.name))
        x += fieldWidth - 5 + 2
        grid.put(bannedText, x: x, y: 2, style: focused(.banned) ? theme[.inputFocused] : (form.banned == .any ? theme[.muted] : theme[.warning]))
    }

    static func renderError(_ error: ClerkAPIError, model: TriageModel, in area: Rect, into grid: inout Grid) {
        let theme = model.theme
        var lines: [(String, ThemeRole)] = [("Could not load users", .error), (error.description, .base)]
        if !error.suggestion.isEmpty { lines.append((error.suggestion, .muted)) }
        if let trace = error.traceID { lines.append(("trace id: \(trace)", .muted)) }
        lines.append(("Press \(retryKeys(model)) to retry.", .hint))
        let top = area.y + max(1, (area.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = line.0.truncated(toColumns: area.width - 4)
            grid.put(text, x: max(2, (area.width - DisplayWidth.of(text)) / 2), y: top + index, style: theme[line.1])
        }
    }

    static func centered(_ text: String, style: Style, in area: Rect, into grid: inout Grid) {
        let line = text.truncated(toColumns: area.width)
        grid.put(line, x: area.x + max(0, (area.width - DisplayWidth.of(line)) / 2), y: area.y + area.height / 2, style: style)
    }

    /// The keys that retry from where the focus is: typed letters go into a search field.
    static func retryKeys(_ model: TriageModel) -> String {
        var keys = model.keymap.keys(for: .reload)
        if case .field = model.browse.focus { keys = keys.filter { !$0.isText } }
        return keys.isEmpty ? "Esc, then \(model.keymap.label(for: .reload))," : keys.map(\.label).joined(separator: " or ")
    }

    /// `page 3 of 412 · 4,118 users · sort -created_at · 2 marked`; while another page or search
    /// loads, it says which is coming instead of labelling the old rows with the new page.
    static func pageSummary(_ model: TriageModel) -> String {
        let browse = model.browse
        let page = browse.offset / model.pageSize + 1
        var parts: [String] = []
        let loading = browse.isLoadingPage ? "loading " : ""
        switch (browse.total.value, browse.total.isLoading, browse.total.error) {
        case (let total?, false, _):
            let pages = max(1, (total + model.pageSize - 1) / model.pageSize)
            parts.append("\(loading)page \(page) of \(pages.grouped)")
            parts.append("\(total.grouped) user\(total == 1 ? "" : "s")")
        case (_, false, .some):
            parts.append("\(loading)page \(page) · total unavailable")
        default:
            parts.append("\(loading)page \(page) · counting…")
        }
        parts.append("sort \(browse.order)")
        if !browse.marked.isEmpty { parts.append("\(browse.marked.count) marked") }
        return parts.joined(separator: " · ")
    }

    static func statusLeft(_ model: TriageModel) -> StyledLine {
        let theme = model.theme
        if let status = model.status {
            return [Span(" " + status.text, theme[status.isError ? .error : .statusBar])]
        }
        if model.browse.pendingShortSearch {
            return [Span(" \(SearchForm.minimumLength)+ characters search as you type · Enter searches now", theme[.hint])]
        }
        let hints: [(TriageAction, String)] = model.browse.focus == .table
            ? [(.open, "open"), (.actionMenu, "actions"), (.search, "search"), (.mark, "mark"), (.queuePanel, "queue"), (.help, "help"), (.quit, "quit")]
            : [(.nextField, "next field"), (.searchDone, "to table"), (.help, "help")]
        let labelled = hints.compactMap { action, label -> (String, String)? in
            guard model.isAvailable(action) else { return nil }
            let keys = model.keymap.keys(for: action).filter { model.browse.focus == .table || !$0.isText }
            return keys.isEmpty ? nil : (keys[0].label, label)
        }
        return [Span(" ", theme[.statusBar])] + HintBar.line(labelled, keyStyle: theme[.statusBar].adding(.bold), labelStyle: theme[.statusBar])
    }
}
