import Terminal

/// Every action of the console and its default keys. The help overlay is generated from this,
/// and `keys:` in the config file rebinds any action by id.
public enum TriageKeymap {
    public static let actions: [KeyAction] = [
        KeyAction("global.help", context: "global", summary: "show or hide this help", keys: [.character("?"), .function(1)]),
        KeyAction("global.command", context: "global", summary: "command line (:user ID, :email ADDRESS, :theme NAME, :quit)", keys: [.character(":")]),
        KeyAction("global.quit", context: "global", summary: "quit", keys: [.character("q"), .control("c")]),
        KeyAction("global.repaint", context: "global", summary: "redraw the screen", keys: [.control("l")]),

        KeyAction("table.search", context: "table", summary: "search (Tab moves between the fields)", keys: [.character("/")]),
        KeyAction("table.up", context: "table", summary: "previous user", keys: [.up, .character("k")]),
        KeyAction("table.down", context: "table", summary: "next user", keys: [.down, .character("j")]),
        KeyAction("table.next-page", context: "table", summary: "next page", keys: [.pageDown, .control("f")]),
        KeyAction("table.previous-page", context: "table", summary: "previous page", keys: [.pageUp, .control("b")]),
        KeyAction("table.first-page", context: "table", summary: "first page", keys: [.home, .character("g")]),
        KeyAction("table.last-page", context: "table", summary: "last page", keys: [.end, .character("G")]),
        KeyAction("table.open", context: "table", summary: "open the user", keys: [.enter]),
        KeyAction("table.mark", context: "table", summary: "mark or unmark for a bulk action", keys: [.character(" ")]),
        KeyAction("table.clear-marks", context: "table", summary: "unmark everyone", keys: [.character("u")]),
        KeyAction("table.sort", context: "table", summary: "sort by the next column", keys: [.character("s")]),
        KeyAction("table.sort-direction", context: "table", summary: "flip the sort direction", keys: [.character("S")]),
        KeyAction("table.banned-filter", context: "table", summary: "cycle banned filter: any, banned, not banned", keys: [.character("b")]),
        KeyAction("table.reload", context: "table", summary: "reload (also retries after an error)", keys: [.character("r")]),
        KeyAction("table.copy-id", context: "table", summary: "copy the user id to the clipboard", keys: [.character("y")]),

        KeyAction("search.next-field", context: "search", summary: "next field", keys: [.tab]),
        KeyAction("search.previous-field", context: "search", summary: "previous field", keys: [.backTab]),
        KeyAction("search.done", context: "search", summary: "back to the table", keys: [.enter, .escape, .down]),

        KeyAction("detail.back", context: "detail", summary: "back to the table", keys: [.escape, .backspace]),
        KeyAction("detail.next-section", context: "detail", summary: "next section", keys: [.tab, .right, .character("l")]),
        KeyAction("detail.previous-section", context: "detail", summary: "previous section", keys: [.backTab, .left, .character("h")]),
        KeyAction("detail.scroll-up", context: "detail", summary: "scroll up", keys: [.up, .character("k")]),
        KeyAction("detail.scroll-down", context: "detail", summary: "scroll down", keys: [.down, .character("j")]),
        KeyAction("detail.page-up", context: "detail", summary: "scroll a page up", keys: [.pageUp]),
        KeyAction("detail.page-down", context: "detail", summary: "scroll a page down", keys: [.pageDown, .character(" ")]),
        KeyAction("detail.copy-id", context: "detail", summary: "copy the user id to the clipboard", keys: [.character("y")]),
        KeyAction("detail.reload", context: "detail", summary: "reload the user", keys: [.character("r")]),
    ]

    public static let standard = Keymap(actions: actions)
}
