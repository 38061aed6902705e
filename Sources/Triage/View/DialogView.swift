import ClerkAPI
import ClerkActions
import Terminal

/// An action dialog: whom it acts on, on which instance, what will happen, the inputs, and the
/// two buttons with Cancel focused first.
enum DialogView {
    /// Rows of the affected-users list in a bulk dialog.
    static let listHeight = 8

    static func render(_ model: TriageModel, _ dialog: ActionDialog, into grid: inout Grid) {
        let theme = model.theme
        var rows: [Row] = []
        rows.append(.text([Span("Instance  ", theme[.muted]), Span("\(model.instance.title) \(model.instance.baseURL)", theme[model.instance.kind == .production ? .error : .dialog])]))
        if dialog.isBulk {
            rows.append(.text([Span("Users     ", theme[.muted]), Span("\(dialog.userIDs.count) marked users:", theme[.dialog].adding(.bold))]))
            let shown = min(listHeight, dialog.userIDs.count)
            let start = min(dialog.listScroll, max(0, dialog.userIDs.count - shown))
            for id in dialog.userIDs[start..<(start + shown)] {
                rows.append(.text([Span("  " + (model.users[id].map(UserLabel.full) ?? id), theme[.dialog])]))
            }
            if dialog.userIDs.count > shown {
                rows.append(.text([Span("  \(start + 1)–\(start + shown) of \(dialog.userIDs.count) · PgUp PgDn scroll the list", theme[.muted])]))
            }
        } else if let id = dialog.userIDs.first {
            let user = model.users[id]
            rows.append(.text([Span("User      ", theme[.muted]), Span(user.map(UserLabel.name) ?? id, theme[.dialog].adding(.bold))]))
            rows.append(.text([Span("Email     ", theme[.muted]), Span(user?.primaryEmailAddress?.emailAddress ?? "—", theme[.dialog])]))
            rows.append(.text([Span("User id   ", theme[.muted]), Span(id, theme[.dialog])]))
        }
        rows.append(.text([]))
        for piece in Wrap.words(dialog.kind.consequence(count: dialog.userIDs.count), width: 64) { rows.append(.text([Span(piece, theme[.dialog])])) }
        rows.append(.text([]))
        // A single passkey, wallet or account needs no choosing, but the operator still sees which.
        if dialog.choices.count == 1, !dialog.fields.contains(.choice), let only = dialog.chosenItem {
            rows.append(.text([Span("Which".fitted(toColumns: 12), theme[.muted]), Span(only.label, theme[.dialog].adding(.bold))]))
        }
        for field in dialog.fields { rows += fieldRows(field, dialog, model) }
        if let error = dialog.error {
            rows.append(.text([]))
            for piece in Wrap.words(error, width: 64) { rows.append(.text([Span(piece, theme[.error])])) }
        }
        rows.append(.text([]))
        rows.append(.buttons)

        let frame = PanelFrame(model: model, title: dialog.kind.title, width: 72, height: rows.count + 2, into: &grid)
        for (index, row) in rows.enumerated() {
            switch row {
            case .text(let spans):
                frame.line(spans, row: index, into: &grid)
            case .field(let label, let field, let focused, let note):
                frame.line([Span(label.fitted(toColumns: 12), theme[focused ? .accent : .muted])], row: index, into: &grid)
                let area = frame.inner
                let y = area.y + index
                guard index < area.height else { continue }
                field.render(into: &grid, in: Rect(x: area.x + 12, y: y, width: 24, height: 1), style: theme[focused ? .inputFocused : .input], focused: focused)
                grid.put(note, x: area.x + 38, y: y, style: theme[.muted], clip: Rect(x: area.x + 38, y: y, width: max(0, area.width - 38), height: 1))
            case .buttons:
                let cancel = dialog.focus == .cancel
                let confirm = dialog.focus == .confirm
                let label = dialog.isBulk ? "\(dialog.kind.title) \(dialog.userIDs.count) users" : dialog.kind.title
                frame.line([Span(cancel ? "[ Cancel ]" : "  Cancel  ", theme[cancel ? .buttonFocused : .button]), Span("   ", theme[.dialog]),
                            Span(confirm ? "[ \(label) ]" : "  \(label)  ", theme[confirm ? .buttonFocused : .button])], row: index, into: &grid)
            }
        }
        frame.hint("Tab moves · Enter presses the focused button · Esc cancels", style: theme[.muted], into: &grid)
    }

    private enum Row {
        case text(StyledLine)
        case field(label: String, TextField, focused: Bool, note: String)
        case buttons
    }

    private static func fieldRows(_ field: ActionDialog.Field, _ dialog: ActionDialog, _ model: TriageModel) -> [Row] {
        let theme = model.theme
        let focused = dialog.focus == .field(field)
        let marker = focused ? theme[.inputFocused] : theme[.input]
        let label = { (text: String) in Span(text.fitted(toColumns: 12), theme[focused ? .accent : .muted]) }
        switch field {
        case .choice:
            if dialog.choices.isEmpty {
                return [.text([label("Which"), Span(dialog.devices.isLoading ? "loading…" : "—", theme[.muted])])]
            }
            return [.text([label("Which"), Span("‹ \(dialog.chosenItem?.label ?? "—") ›", marker), Span("  \(dialog.chosen + 1) of \(dialog.choices.count)", theme[.muted])])]
        case .direction:
            return [.text([label("Direction"), Span("‹ \(dialog.direction.rawValue) ›", marker), Span("  Space changes it", theme[.muted])])]
        case .revokeSessions:
            let text = dialog.kind == .removePassword ? "sign out of other sessions" : "revoke all sessions"
            return [.text([label("Sessions"), Span("[\(dialog.revokeSessions ? "x" : " ")] \(text)", marker)])]
        case .amount:
            var note = "e.g. 12.50"
            if case .success(let cents) = AmountParser.cents(dialog.amount.text) { note = "= \(Int(cents).grouped) cent\(cents == 1 ? "" : "s")" }
            var rows: [Row] = [.field(label: "Amount", dialog.amount, focused: focused, note: note)]
            rows.append(.text([Span("Balance".fitted(toColumns: 12), theme[.muted]), Span(balanceLine(dialog), theme[.dialog])]))
            return rows
        case .note:
            return [.field(label: "Note", dialog.note, focused: focused, note: "optional, \(dialog.note.text.count)/\(Validation.maximumNoteLength)")]
        case .code:
            return [.field(label: "Code", dialog.code, focused: focused, note: "6 digits the user reads out")]
        case .confirmation:
            return [.text([Span("Cannot be undone on production: type the user's email or id.", theme[.warning])]),
                    .field(label: "Confirm", dialog.confirmation, focused: focused, note: "")]
        }
    }

    /// `$10.00 USD → $22.50 USD`, as soon as both the balance and the amount are known.
    static func balanceLine(_ dialog: ActionDialog) -> String {
        if dialog.balance.isLoading, dialog.balance.value == nil { return "loading…" }
        if let error = dialog.balance.error, dialog.balance.value == nil { return "unknown (\(error.description))" }
        guard let money = dialog.balance.value?.balance else {
            // No balance yet, so no currency to show: the amount is in the instance's billing currency.
            guard case .success(let cents) = AmountParser.cents(dialog.amount.text) else { return "no credits yet" }
            let after = dialog.direction == .increase ? cents : -cents
            return "no credits yet → \(units(after)) in the instance's billing currency"
        }
        let before = "\(money.currencySymbol)\(money.amountFormatted) \(money.currency)"
        guard case .success(let cents) = AmountParser.cents(dialog.amount.text) else { return before }
        let after = money.amount + (dialog.direction == .increase ? cents : -cents)
        return "\(before) → \(units(after, symbol: money.currencySymbol)) \(money.currency)"
    }

    /// Cents in the currency's units: `-$12.05`.
    private static func units(_ cents: Int64, symbol: String = "") -> String {
        let rest = abs(cents) % 100
        return "\(cents < 0 ? "-" : "")\(symbol)\(abs(cents) / 100).\(rest < 10 ? "0" : "")\(rest)"
    }
}
