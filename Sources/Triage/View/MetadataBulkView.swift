import ClerkAPI
import Terminal

/// The metadata editor with users marked: which user's preview is shown, and the confirmation that
/// lists every marked user with what the patch changes for them.
enum MetadataBulkView {
    /// Over the mode line: `merge · patch for 3 marked users · preview 2 of 3 · Ctrl-N/Ctrl-P next/previous user`.
    static func header(_ model: TriageModel, _ editor: MetadataEditor, _ targets: MetadataTargets, into grid: inout Grid) {
        let theme = model.theme
        let width = model.size.width
        let position = (targets.userIDs.firstIndex(of: editor.userID) ?? 0) + 1
        let keys = [TriageAction.editorNextUser, .editorPreviousUser].compactMap { model.keymap.keys(for: $0).first?.label }.joined(separator: "/")
        let line: StyledLine = [
            Span(" merge · ", theme[.muted]),
            Span("patch for \(targets.userIDs.count) marked users", theme[.warning].adding(.bold)),
            Span(" · preview \(position) of \(targets.userIDs.count)", theme[.base]),
            Span(keys.isEmpty ? "" : " · \(keys) next/previous user", theme[.muted]),
        ]
        grid.fill(Rect(x: 0, y: 2, width: width, height: 1), style: theme[.base])
        grid.put(line, x: 0, y: 2, clip: Rect(x: 0, y: 2, width: width, height: 1))
    }

    /// Every marked user with their change count (no change: listed and skipped), scrolled to keep
    /// the highlighted one in view, and the highlighted user's changes below the list.
    static func confirmation(_ model: TriageModel, _ editor: MetadataEditor, sendFocused: Bool, into grid: inout Grid) {
        guard let targets = editor.targets else { return }
        let theme = model.theme
        let text = editor.editor.text
        let plans = targets.userIDs.map { targets.plan(for: $0, text: text, field: editor.field) }
        let sending = plans.count { if case .changes = $0 { true } else { false } }
        // Sized to what it shows, so stepping through users does not move it: every user's line if
        // they fit, and room for the longest change list (up to 8 lines).
        let changeCounts = plans.map { plan in if case .changes(let changes) = plan { changes.count } else { 1 } }
        let fixed = 6
        let available = max(fixed + 2, min(model.size.height - 2, 32) - 2)
        let changesRows = min(max(1, changeCounts.max() ?? 1), 8, max(1, (available - fixed) / 2))
        let listRoom = max(1, available - fixed - changesRows)
        let scrolls = targets.userIDs.count > listRoom
        let listRows = scrolls ? max(1, listRoom - 1) : targets.userIDs.count
        let innerHeight = fixed + changesRows + listRows + (scrolls ? 1 : 0)
        let frame = PanelFrame(model: model, title: "Merge into \(editor.field.title) of \(sending) of \(targets.userIDs.count) users",
                               width: 90, height: innerHeight + 2, into: &grid)
        let inner = frame.inner
        var row = 0
        frame.line([Span("One command per user, sent only while their field is still as shown", theme[.dialog])], row: row, into: &grid)
        row += 2
        let top = min(max(0, targets.selection - listRows / 2), max(0, targets.userIDs.count - listRows))
        for index in top..<min(targets.userIDs.count, top + listRows) {
            let id = targets.userIDs[index]
            let who = model.users[id].map(UserLabel.full) ?? id
            let plan = plans[index]
            let selected = index == targets.selection
            let role: ThemeRole = switch plan {
            case .changes: .dialog
            case .noChange, .loading: .muted
            case .refused: .error
            }
            let label = MetadataTargets.label(plan)
            let nameWidth = max(8, inner.width - DisplayWidth.of(label) - 4)
            let line: StyledLine = [
                Span(selected ? "▸ " : "  ", theme[.dialog]),
                Span(Sanitizer.clean(who).fitted(toColumns: nameWidth), selected ? theme[.selection] : theme[.dialog]),
                Span("  " + label, theme[role]),
            ]
            frame.line(line, row: row, into: &grid)
            row += 1
        }
        if scrolls {
            let below = targets.userIDs.count - top - listRows
            frame.line([Span("  \(top > 0 ? "\(top) above" : "")\(top > 0 && below > 0 ? " · " : "")\(below > 0 ? "\(below) below" : "") (PgUp/PgDn, Ctrl-N/Ctrl-P)", theme[.muted])],
                       row: 2 + listRows, into: &grid)
        }
        row = 2 + listRows + (scrolls ? 1 : 0) + 1
        let selectedID = targets.userIDs.indices.contains(targets.selection) ? targets.userIDs[targets.selection] : nil
        let name = selectedID.map { id in model.users[id].map(UserLabel.name) ?? id } ?? ""
        frame.line([Span("Changes for \(name)", theme[.accent].adding(.bold))], row: row, into: &grid)
        row += 1
        if let index = targets.userIDs.indices.contains(targets.selection) ? targets.selection : nil {
            switch plans[index] {
            case .changes(let changes):
                let shown = changes.prefix(changes.count > changesRows ? changesRows - 1 : changesRows)
                for change in shown {
                    frame.line(MetadataView.changeLine(theme)(change), row: row, into: &grid)
                    row += 1
                }
                if changes.count > shown.count { frame.line([Span("  … \(changes.count - shown.count) more", theme[.muted])], row: row, into: &grid) }
            case .noChange:
                frame.line([Span("  their field already holds what the patch sets: nothing is sent to them", theme[.muted])], row: row, into: &grid)
            case .refused(let reason):
                frame.line([Span("  " + reason, theme[.error])], row: row, into: &grid)
            case .loading:
                frame.line([Span("  loading…", theme[.muted])], row: row, into: &grid)
            }
        }
        frame.line([Span(!sendFocused ? "[ Cancel ]" : "  Cancel  ", theme[!sendFocused ? .buttonFocused : .button]), Span("   ", theme[.dialog]),
                    Span(sendFocused ? "[ Send \(sending) ]" : "  Send \(sending)  ", theme[sendFocused ? .buttonFocused : .button])],
                   row: inner.height - 1, into: &grid)
        frame.hint("Tab moves · Enter presses the focused button · Esc cancels", style: theme[.muted], into: &grid)
    }
}
