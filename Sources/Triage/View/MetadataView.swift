import ClerkAPI
import Terminal

/// The metadata editor beside (or above) its preview: the field after the send, and what changes.
enum MetadataView {
    static func render(_ model: TriageModel, _ editor: MetadataEditor, into grid: inout Grid) {
        let theme = model.theme
        let width = model.size.width
        let user = model.users[editor.userID]
        let who = user.map(UserLabel.full) ?? editor.userID
        grid.put([Span(" Edit \(editor.field.title)", theme[.accent].adding(.bold)), Span(" · \(who)", theme[.base])],
                 x: 0, y: 1, clip: Rect(x: 0, y: 1, width: width, height: 1))
        grid.put([Span(" " + editor.mode.label, theme[.muted])], x: 0, y: 2, clip: Rect(x: 0, y: 2, width: width, height: 1))
        if let targets = editor.targets { MetadataBulkView.header(model, editor, targets, into: &grid) }

        let editorRect = MetadataLayout.editorRect(model.size)
        let palette = JSONSyntax.Palette(theme: theme, base: theme[.input])
        editor.editor.render(into: &grid, in: editorRect, style: theme[.input], gutterStyle: theme[.muted], focused: editor.sending == .editing,
                             highlight: palette.styles)
        let preview = editor.preview
        var pane = ScrollPane(lines: previewLines(preview, editor, theme: theme, width: MetadataLayout.previewRect(model.size).width - 2,
                                                  height: MetadataLayout.previewRect(model.size).height))
        pane.scroll(by: 0, height: MetadataLayout.previewRect(model.size).height)
        pane.render(into: &grid, in: MetadataLayout.previewRect(model.size), markerStyle: theme[.muted])

        let hints: [(TriageAction, String)] = [(.editorSend, "send"), (.editorNextField, "field"), (.editorMode, "merge/replace"),
                                               (.editorExternal, "$EDITOR"), (.editorUndo, "undo"), (.editorJumpToError, "to error"), (.editorClose, "close")]
        let labelled = hints.compactMap { action, label in model.keymap.keys(for: action).first.map { ($0.label, label) } }
        let left: StyledLine = model.status.map { [Span(" " + $0.text, theme[$0.isError ? .error : .statusBar])] }
            ?? [Span(" ", theme[.statusBar])] + HintBar.line(labelled, keyStyle: theme[.statusBar].adding(.bold), labelStyle: theme[.statusBar])
        StatusBar(left: left, right: [Span("line \(editor.editor.cursor.line + 1), col \(editor.editor.cursor.column + 1) ", theme[.statusBar])])
            .render(into: &grid, in: Rect(x: 0, y: model.size.height - 1, width: width, height: 1), style: theme[.statusBar])

        if editor.confirmingDiscard {
            let frame = PanelFrame(model: model, title: "Unsent changes", width: 60, height: 5, into: &grid)
            frame.line([Span("Close the editor and discard what you typed?", theme[.dialog])], row: 0, into: &grid)
            frame.line([Span("[ Esc keep editing ]", theme[.buttonFocused]), Span("   d discard", theme[.dialog])], row: 2, into: &grid)
        }
        switch editor.sending {
        case .editing: break
        case .checking:
            let frame = PanelFrame(model: model, title: "Sending", width: 60, height: 3, into: &grid)
            frame.line([Span("Checking nobody changed the field meanwhile…", theme[.dialog])], row: 0, into: &grid)
        case .confirming(let sendFocused) where editor.targets != nil:
            MetadataBulkView.confirmation(model, editor, sendFocused: sendFocused, into: &grid)
        case .confirming(let sendFocused):
            confirmation(model, editor, preview, sendFocused: sendFocused, into: &grid)
        }
    }

    /// The preview's lines, the JSON printed only as far as `height` shows (one more, so the pane
    /// still says there is more): an 8 KB result is some 600 lines, redrawn on every keystroke.
    static func previewLines(_ preview: MetadataPreview, _ editor: MetadataEditor, theme: Theme, width: Int, height: Int = .max) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let others = editor.concurrentChanges, !others.isEmpty {
            lines.append([Span("Changed by someone else since you opened it:", theme[.warning].adding(.bold))])
            lines += others.map { [Span("  " + MetadataPreview.line($0), theme[.warning])] }
            lines.append([])
        }
        switch preview.outcome {
        case .invalid(let error):
            lines.append([Span(error.description, theme[.error])])
            let source = editor.editor.text.split(separator: "\n", omittingEmptySubsequences: false)
            if error.line >= 1, error.line <= source.count {
                let text = String(source[error.line - 1])
                lines.append([Span(text, theme[.base])])
                let before = String(text.prefix(max(0, error.column - 1)))
                lines.append([Span(String(repeating: " ", count: DisplayWidth.of(Sanitizer.clean(before))) + "^", theme[.error].adding(.bold))])
            }
            lines.append([Span("Nothing can be sent until this is fixed (Ctrl-G moves there).", theme[.muted])])
        case .refused(let reason):
            lines.append([Span(reason, theme[.error])])
        case .noChange:
            lines.append([Span("Nothing would change.", theme[.muted])])
            lines.append([])
            lines.append([Span("Now", theme[.accent].adding(.bold))])
            lines += JSONLines.render(editor.baselines[editor.field] ?? .emptyObject, theme: theme, indent: "  ", limit: Self.room(height, lines))
        case .ready(_, let result, let changes):
            lines.append([Span("Changes (\(changes.count))", theme[.accent].adding(.bold))])
            lines += changes.map(changeLine(theme))
            lines.append([])
            lines.append([Span("After sending", theme[.accent].adding(.bold)), Span("  + added  ~ changed  - removed", theme[.muted])])
            lines += JSONLines.render(result, comparedTo: editor.baselines[editor.field] ?? .emptyObject, theme: theme, limit: Self.room(height, lines))
        }
        return lines
    }

    static func room(_ height: Int, _ lines: [StyledLine]) -> Int {
        height == .max ? .max : max(1, height + 1 - lines.count)
    }

    static func changeLine(_ theme: Theme) -> (JSONChange) -> StyledLine {
        { change in
            let role: ThemeRole = switch change.kind {
            case .added: .diffAdded
            case .removed: .diffRemoved
            case .changed: .diffChanged
            }
            return [Span("  " + MetadataPreview.line(change), theme[role])]
        }
    }

    static func confirmation(_ model: TriageModel, _ editor: MetadataEditor, _ preview: MetadataPreview, sendFocused: Bool, into grid: inout Grid) {
        let theme = model.theme
        guard case .ready(_, _, let changes) = preview.outcome else { return }
        let shown = Array(changes.prefix(12))
        let extra = editor.concurrentChanges.map { $0.isEmpty ? 0 : $0.count + 2 } ?? 0
        let frame = PanelFrame(model: model, title: "Send \(editor.field.title)", width: 76, height: shown.count + extra + 8, into: &grid)
        var row = 0
        frame.line([Span("\(editor.mode == .merge ? "Merge into" : "Replace") \(editor.field.title) of \(model.users[editor.userID].map(UserLabel.full) ?? editor.userID)", theme[.dialog])], row: row, into: &grid)
        row += 1
        if let others = editor.concurrentChanges, !others.isEmpty {
            frame.line([Span("Someone else changed it meanwhile; the preview now includes their change:", theme[.warning])], row: row, into: &grid)
            row += 1
            for change in others.prefix(3) { frame.line([Span("  " + MetadataPreview.line(change), theme[.warning])], row: row, into: &grid); row += 1 }
        }
        row += 1
        for change in shown {
            frame.line(changeLine(theme)(change), row: row, into: &grid)
            row += 1
        }
        if changes.count > shown.count { frame.line([Span("  … \(changes.count - shown.count) more in the preview", theme[.muted])], row: row, into: &grid); row += 1 }
        row += 1
        frame.line([Span(!sendFocused ? "[ Cancel ]" : "  Cancel  ", theme[!sendFocused ? .buttonFocused : .button]), Span("   ", theme[.dialog]),
                    Span(sendFocused ? "[ Send ]" : "  Send  ", theme[sendFocused ? .buttonFocused : .button])], row: row, into: &grid)
        frame.hint("Tab moves · Enter presses the focused button · Esc cancels", style: theme[.muted], into: &grid)
    }
}
