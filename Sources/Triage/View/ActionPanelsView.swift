import ClerkAPI
import ClerkActions
import Foundation
import Terminal

/// The action menu.
enum MenuView {
    static func render(_ model: TriageModel, _ menu: ActionMenu, into grid: inout Grid) {
        let theme = model.theme
        let visible = menu.visible
        let who = menu.userIDs.count == 1 ? (model.users[menu.userIDs[0]].map(UserLabel.full) ?? menu.userIDs[0]) : "\(menu.userIDs.count) marked users"
        let frame = PanelFrame(model: model, title: "Actions", width: 64, height: visible.count + 6, into: &grid)
        frame.line([Span("for ", theme[.muted]), Span(who, theme[.dialog].adding(.bold))], row: 0, into: &grid)
        frame.line([Span("filter ", theme[.muted])], row: 1, into: &grid)
        menu.filter.render(into: &grid, in: Rect(x: frame.inner.x + 7, y: frame.inner.y + 1, width: max(1, frame.inner.width - 7), height: 1),
                           style: theme[.inputFocused], focused: true, placeholder: "")
        for (index, kind) in visible.enumerated() {
            let key = model.keymap.keys(for: triageAction(kind)).first?.label ?? ""
            let style = index == menu.selection ? theme[.selection] : theme[.dialog]
            frame.line([Span(" " + key.fitted(toColumns: 4), index == menu.selection ? style : theme[.accent]),
                        Span(kind.title.fitted(toColumns: 32), style), Span(":" + kind.commandName, index == menu.selection ? style : theme[.muted])],
                       row: index + 3, into: &grid)
        }
        if visible.isEmpty {
            let reason = model.readOnly && menu.items.isEmpty ? "read-only: no action that changes a user is offered" : "no action matches"
            frame.line([Span(reason, theme[.muted])], row: 3, into: &grid)
        }
        frame.hint("↑↓ choose · Enter opens · type to filter · Esc closes", style: theme[.muted], into: &grid)
    }

    static func triageAction(_ kind: ActionKind) -> TriageAction {
        TriageAction.allCases.first { $0.actionKind == kind } ?? .actionMenu
    }
}

/// The queue panel: this session's commands and the resumed ones, newest first.
enum QueuePanelView {
    static func render(_ model: TriageModel, selection: Int, into grid: inout Grid) {
        let theme = model.theme
        let entries = Commands.panelEntries(model)
        let height = min(model.size.height - 2, max(8, entries.count * 2 + 4))
        let frame = PanelFrame(model: model, title: "Commands · \(model.queue.totals.isEmpty ? "none" : model.queue.totals)",
                               width: model.size.width - 4, height: height, into: &grid)
        if entries.isEmpty {
            frame.line([Span("No commands yet. Actions you confirm appear here.", theme[.muted])], row: 0, into: &grid)
        }
        let perPage = max(1, (frame.inner.height - 1) / 2)
        let first = max(0, min(selection - perPage + 1, entries.count - perPage))
        for (row, entry) in entries.dropFirst(first).prefix(perPage).enumerated() {
            let selected = first + row == selection
            let style = selected ? theme[.selection] : theme[.dialog]
            let time = RelativeTime.clock(Date(unixMillis: entry.queuedAt))
            let who = entry.command.userIDs.count == 1
                ? (model.users[entry.command.userIDs[0]].map(UserLabel.name) ?? entry.command.userIDs[0]) + " " + entry.command.userIDs[0]
                : "\(entry.command.userIDs.count) users"
            let duration = entry.startedAt.map { start in String(format: "%.1f s", Double((entry.endedAt ?? model.now) - start) / 1000) } ?? ""
            frame.line([Span(time + "  ", selected ? style : theme[.muted]), Span(entry.command.action.name.fitted(toColumns: 24), style),
                        Span(state(entry).fitted(toColumns: 16), selected ? style : theme[stateRole(entry.state)]),
                        Span(duration.fitted(toColumns: 8), selected ? style : theme[.muted]), Span(who, style)],
                       row: row * 2, into: &grid)
            frame.line([Span("          " + detail(entry), theme[isProblem(entry.state) ? .error : .muted])], row: row * 2 + 1, into: &grid)
        }
        let keys: [(TriageAction, String)] = [(.queueOpen, "open user"), (.queueRetry, "retry"), (.queueCancel, "cancel"), (.queueUndo, "undo"),
                                               (.queueConfirmApplied, "applied"), (.queueAbandon, "abandon"), (.queueClose, "close")]
        let hint = keys.compactMap { action, label in
            model.isAvailable(action) ? model.keymap.keys(for: action).first.map { "\($0.label) \(label)" } : nil
        }.joined(separator: " · ")
        frame.hint(hint, style: theme[.muted], into: &grid)
    }

    static func state(_ entry: QueueState.Entry) -> String {
        switch entry.state {
        case .queued: "queued"
        case .rateLimited: "waiting (429)"
        case .running: entry.command.userIDs.count > 1 ? "\(entry.completedUsers) of \(entry.command.userIDs.count)" : "running"
        case .needsOperator: "CHECK"
        case .done: "done"
        case .failed: "FAILED"
        case .conflict: "CHANGED"
        case .cancelled: "cancelled"
        case .abandoned: "abandoned"
        }
    }

    static func detail(_ entry: QueueState.Entry) -> String {
        switch entry.state {
        case .failed(let error):
            return error.description
        case .needsOperator(let reason):
            return reason
        case .conflict(let conflict):
            return conflict.description
        default:
            return entry.command.summary
        }
    }

    static func isProblem(_ state: CommandState) -> Bool {
        switch state {
        case .failed, .needsOperator, .conflict: true
        default: false
        }
    }

    static func stateRole(_ state: CommandState) -> ThemeRole {
        switch state {
        case .done: .success
        case .failed, .needsOperator, .conflict: .error
        case .rateLimited: .warning
        default: .dialog
        }
    }
}

/// `:audit`: the audit log, newest first.
enum AuditView {
    static func render(_ model: TriageModel, _ panel: AuditPanel, into grid: inout Grid) {
        let theme = model.theme
        let frame = PanelFrame(model: model, title: "Audit log, newest first", width: model.size.width - 4, height: model.size.height - 2, into: &grid)
        if panel.loading { frame.line([Span("reading…", theme[.muted])], row: 0, into: &grid) }
        for (row, line) in panel.lines.dropFirst(panel.scroll).prefix(frame.inner.height).enumerated() {
            frame.line([Span(line, theme[.dialog])], row: row, into: &grid)
        }
        frame.hint("↑↓ PgUp PgDn scroll · any other key closes", style: theme[.muted], into: &grid)
    }
}

/// The two questions about unfinished commands: at start, and on quitting.
enum PromptViews {
    static func resume(_ model: TriageModel, _ unfinished: [UnfinishedCommand], into grid: inout Grid) {
        let theme = model.theme
        let width = min(84, model.size.width - 2) - 4
        var lines: [StyledLine] = []
        let count = unfinished.count
        for piece in Wrap.words("\(count) command\(count == 1 ? " was" : "s were") not finished when this instance was last left (by the console or a script):", width: width) {
            lines.append([Span(piece, theme[.dialog])])
        }
        for item in unfinished.prefix(8) {
            var progress: [String] = []
            if !item.completedUserIDs.isEmpty { progress.append("\(item.completedUserIDs.count) done") }
            if item.outcomeUnknown { progress.append("\(item.inFlightUserIDs.count) unknown") }
            progress.append("\(item.remainingUserIDs.count - item.inFlightUserIDs.count) not sent")
            lines.append([Span("  " + item.command.summary, theme[.dialog]), Span(" · " + progress.joined(separator: ", "), theme[.muted])])
        }
        if count > 8 { lines.append([Span("  … and \(count - 8) more", theme[.muted])]) }
        if unfinished.contains(where: \.outcomeUnknown) {
            lines.append([])
            for piece in Wrap.words("Users marked unknown may have been changed: each is read again first, and nothing is sent twice to a user it already applied to.", width: width) {
                lines.append([Span(piece, theme[.warning])])
            }
        }
        lines.append([])
        lines.append([Span("[ Enter resume ]", theme[.buttonFocused]), Span("   d discard   Esc later (offered again at the next start)", theme[.dialog])])
        let frame = PanelFrame(model: model, title: "Unfinished commands from last time", width: width + 4, height: lines.count + 2, into: &grid)
        for (row, line) in lines.enumerated() { frame.line(line, row: row, into: &grid) }
    }

    static func quit(_ model: TriageModel, into grid: inout Grid) {
        let theme = model.theme
        let width = min(74, model.size.width - 2) - 4
        var lines: [StyledLine] = [[Span("\(model.queue.unfinished) command\(model.queue.unfinished == 1 ? " is" : "s are") not finished.", theme[.dialog])]]
        for piece in Wrap.words("Quitting now keeps them in the journal; they are offered for resuming at the next start.", width: width) {
            lines.append([Span(piece, theme[.muted])])
        }
        lines.append([])
        lines.append([Span("[ Enter wait, then quit ]", theme[.buttonFocused]), Span("   q quit now   Esc stay", theme[.dialog])])
        let frame = PanelFrame(model: model, title: "Commands unfinished", width: width + 4, height: lines.count + 2, into: &grid)
        for (row, line) in lines.enumerated() { frame.line(line, row: row, into: &grid) }
    }
}
