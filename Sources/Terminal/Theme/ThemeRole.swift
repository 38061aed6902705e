/// Every part of the UI a theme gives a look to. A theme file must name each one.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case base
    case header
    case headerSandbox = "header_sandbox"
    case headerDevelopment = "header_development"
    case headerProduction = "header_production"
    case tableHeader = "table_header"
    case row
    case selection
    case marked
    case banned
    case locked
    case muted
    case accent
    case error
    case warning
    case success
    case dialog
    case dialogTitle = "dialog_title"
    case button
    case buttonFocused = "button_focused"
    case input
    case inputFocused = "input_focused"
    case statusBar = "status_bar"
    case hint
    case tab
    case tabActive = "tab_active"
    case diffAdded = "diff_added"
    case diffChanged = "diff_changed"
    case diffRemoved = "diff_removed"
    case jsonKey = "json_key"
    case jsonString = "json_string"
    case jsonNumber = "json_number"
    case jsonLiteral = "json_literal"
    case spinner
}
