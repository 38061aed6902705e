import Terminal

/// Every action of the console. Keys reach the model only through these, via the keymap, so
/// the config file can rebind any of them and help lists exactly what a key does.
public enum TriageAction: String, BindableAction {
    case help = "global.help"
    case command = "global.command"
    case quit = "global.quit"
    case repaint = "global.repaint"
    case suspend = "global.suspend"
    case reload = "global.reload"
    case copyID = "global.copy-id"
    case copyEmail = "global.copy-email"

    case search = "table.search"
    case up = "table.up"
    case down = "table.down"
    case nextPage = "table.next-page"
    case previousPage = "table.previous-page"
    case firstPage = "table.first-page"
    case lastPage = "table.last-page"
    case open = "table.open"
    case mark = "table.mark"
    case clearMarks = "table.clear-marks"
    case sort = "table.sort"
    case sortDirection = "table.sort-direction"
    case bannedFilter = "table.banned-filter"

    case nextField = "search.next-field"
    case previousField = "search.previous-field"
    case cycleBanned = "search.cycle-banned"
    case searchDone = "search.done"

    case back = "detail.back"
    case nextSection = "detail.next-section"
    case previousSection = "detail.previous-section"
    case scrollUp = "detail.scroll-up"
    case scrollDown = "detail.scroll-down"
    case scrollPageUp = "detail.page-up"
    case scrollPageDown = "detail.page-down"
    case section1 = "detail.section-1"
    case section2 = "detail.section-2"
    case section3 = "detail.section-3"
    case section4 = "detail.section-4"
    case section5 = "detail.section-5"
    case section6 = "detail.section-6"
    case detailExternalEditor = "detail.external-editor"

    case helpUp = "help.scroll-up"
    case helpDown = "help.scroll-down"
    case helpPageUp = "help.page-up"
    case helpPageDown = "help.page-down"
    case helpClose = "help.close"

    case promptSubmit = "prompt.submit"
    case promptCancel = "prompt.cancel"

    case actionMenu = "actions.menu"
    case queuePanel = "actions.queue"
    case ban = "actions.ban"
    case unban = "actions.unban"
    case lock = "actions.lock"
    case unlock = "actions.unlock"
    case setCompromised = "actions.compromised"
    case unsetCompromised = "actions.uncompromised"
    case removePassword = "actions.remove-password"
    case adjustCredit = "actions.credit"
    case deletePasskey = "actions.delete-passkey"
    case deleteWeb3Wallet = "actions.delete-wallet"
    case deleteExternalAccount = "actions.delete-external-account"
    case deleteTOTP = "actions.delete-totp"
    case deleteBackupCodes = "actions.delete-backup-codes"
    case disableMFA = "actions.disable-mfa"
    case deleteProfileImage = "actions.delete-image"
    case revokeTrustedDevice = "actions.revoke-device"
    case verifyTOTP = "actions.verify-totp"
    case deleteUser = "actions.delete"
    case editMetadata = "actions.edit-metadata"

    case editorSend = "editor.send"
    case editorClose = "editor.close"
    case editorNextField = "editor.next-field"
    case editorMode = "editor.mode"
    case editorUndo = "editor.undo"
    case editorRedo = "editor.redo"
    case editorJumpToError = "editor.jump-to-error"
    case editorNextUser = "editor.next-user"
    case editorPreviousUser = "editor.previous-user"
    case editorExternal = "editor.external-editor"

    case dialogNext = "dialog.next"
    case dialogPrevious = "dialog.previous"
    case dialogActivate = "dialog.activate"
    case dialogCancel = "dialog.cancel"
    case dialogToggle = "dialog.toggle"
    case dialogScrollUp = "dialog.scroll-up"
    case dialogScrollDown = "dialog.scroll-down"
    case quitNow = "dialog.quit-now"
    case discardUnfinished = "dialog.discard"

    case menuUp = "menu.up"
    case menuDown = "menu.down"
    case menuChoose = "menu.choose"
    case menuClose = "menu.close"

    case queueUp = "queue.up"
    case queueDown = "queue.down"
    case queueOpen = "queue.open-user"
    case queueRetry = "queue.retry"
    case queueCancel = "queue.cancel"
    case queueUndo = "queue.undo"
    case queueConfirmApplied = "queue.confirm-applied"
    case queueAbandon = "queue.abandon"
    case queueClose = "queue.close"

    public var id: String { rawValue }

    public var context: KeyContext {
        KeyContext(rawValue: String(rawValue.prefix { $0 != "." }))
    }

    public var summary: String {
        switch self {
        case .help: "show or hide this help"
        case .command: "command line: :user ID, :email ADDRESS, :edit FIELD, :queue, :audit, :theme NAME, :help, :quit, and every action (:ban, :credit…)"
        case .quit: "quit"
        case .repaint: "redraw the screen"
        case .suspend: "suspend to the shell (fg resumes)"
        case .reload: "reload; retries after an error (Ctrl-R also works from the search fields)"
        case .copyID: "copy the user id to the clipboard"
        case .copyEmail: "copy the primary email address to the clipboard"
        case .search: "search (Tab moves between the fields)"
        case .up: "previous user"
        case .down: "next user"
        case .nextPage: "next page"
        case .previousPage: "previous page"
        case .firstPage: "first page"
        case .lastPage: "last page"
        case .open: "open the user"
        case .mark: "mark or unmark for a bulk action"
        case .clearMarks: "unmark everyone"
        case .sort: "sort by the next column"
        case .sortDirection: "flip the sort direction"
        case .bannedFilter: "cycle banned filter: any, banned, not banned"
        case .nextField: "next field"
        case .previousField: "previous field"
        case .cycleBanned: "change the banned filter (on the Banned field)"
        case .searchDone: "back to the table (Enter also searches short text now)"
        case .back: "back to the table"
        case .nextSection: "next section"
        case .previousSection: "previous section"
        case .scrollUp: "scroll up"
        case .scrollDown: "scroll down"
        case .scrollPageUp: "scroll a page up"
        case .scrollPageDown: "scroll a page down"
        case .section1: "Profile"
        case .section2: "Identifications"
        case .section3: "MFA"
        case .section4: "Metadata"
        case .section5: "Organizations"
        case .section6: "Billing"
        case .detailExternalEditor: "in Metadata: edit public metadata in $VISUAL or $EDITOR (vi if neither is set)"
        case .helpUp: "scroll up"
        case .helpDown: "scroll down"
        case .helpPageUp: "scroll a page up"
        case .helpPageDown: "scroll a page down"
        case .helpClose: "close this help (so does any other key)"
        case .promptSubmit: "run the command"
        case .promptCancel: "cancel"
        case .actionMenu: "actions for this user (or the marked users): a list, filter by typing"
        case .queuePanel: "the command queue: retry, cancel, undo, open the user"
        case .dialogNext: "next field or button"
        case .dialogPrevious: "previous field or button"
        case .dialogActivate: "press the focused button (Cancel unless you moved to the action)"
        case .dialogCancel: "cancel: nothing is sent"
        case .dialogToggle: "change the focused choice"
        case .dialogScrollUp: "scroll the list of affected users up"
        case .dialogScrollDown: "scroll the list of affected users down"
        case .quitNow: "quit now; unfinished commands resume at the next start"
        case .discardUnfinished: "discard the unfinished commands of an earlier session"
        case .menuUp: "previous action"
        case .menuDown: "next action"
        case .menuChoose: "open the chosen action's dialog"
        case .menuClose: "close the menu"
        case .queueUp: "previous command"
        case .queueDown: "next command"
        case .queueOpen: "open the command's user"
        case .queueRetry: "retry a failed command"
        case .queueCancel: "cancel a queued command"
        case .queueUndo: "undo a finished command (ban↔unban, lock↔unlock, compromised, credit)"
        case .queueConfirmApplied: "mark a command that needs checking as applied"
        case .queueAbandon: "give up a command that needs checking"
        case .queueClose: "close the queue"
        case .editMetadata: "edit metadata as JSON, with a preview of the result (:edit public|private|unsafe)"
        case .editorSend: "send: shows the changes to confirm (Tab, then Enter)"
        case .editorClose: "close the editor (asks first if something is unsent)"
        case .editorNextField: "next field: public, private, unsafe"
        case .editorMode: "switch between merge (PATCH) and replace (PUT)"
        case .editorUndo: "undo"
        case .editorRedo: "redo"
        case .editorJumpToError: "move the cursor to the JSON error"
        case .editorNextUser: "with users marked: the next marked user's preview"
        case .editorPreviousUser: "with users marked: the previous marked user's preview"
        case .editorExternal: "edit the text in $VISUAL or $EDITOR (else vi); one undo takes back what it changed (End, not Ctrl-E, ends a line here)"
        default:
            actionKind.map { "\($0.title.lowercased()) (:\($0.commandName))" } ?? rawValue
        }
    }

    public var defaultKeys: [Key] {
        switch self {
        case .help: [.character("?"), .function(1)]
        case .command: [.character(":")]
        case .quit: [.character("q"), .control("c")]
        case .repaint: [.control("l")]
        case .suspend: [.control("z")]
        case .reload: [.character("r"), .control("r")]
        case .copyID: [.character("y")]
        case .copyEmail: [.character("Y")]
        case .search: [.character("/")]
        case .up: [.up, .character("k")]
        case .down: [.down, .character("j")]
        case .nextPage: [.pageDown, .control("f")]
        case .previousPage: [.pageUp, .control("b")]
        case .firstPage: [.home, .character("g")]
        case .lastPage: [.end, .character("G")]
        case .open: [.enter]
        case .mark: [.character(" ")]
        case .clearMarks: [.character("u")]
        case .sort: [.character("s")]
        case .sortDirection: [.character("S")]
        case .bannedFilter: [.character("b")]
        case .nextField: [.tab]
        case .previousField: [.backTab]
        case .cycleBanned: [.character(" "), .left, .right]
        case .searchDone: [.enter, .escape, .down]
        case .back: [.escape, .backspace]
        case .nextSection: [.tab, .right, .character("l")]
        case .previousSection: [.backTab, .left, .character("h")]
        case .scrollUp: [.up, .character("k")]
        case .scrollDown: [.down, .character("j")]
        case .scrollPageUp: [.pageUp]
        case .scrollPageDown: [.pageDown, .character(" ")]
        case .section1: [.character("1")]
        case .section2: [.character("2")]
        case .section3: [.character("3")]
        case .section4: [.character("4")]
        case .section5: [.character("5")]
        case .section6: [.character("6")]
        // Plain E in the detail view deletes an external account.
        case .detailExternalEditor: [.control("e")]
        case .helpUp: [.up, .character("k")]
        case .helpDown: [.down, .character("j")]
        case .helpPageUp: [.pageUp]
        case .helpPageDown: [.pageDown, .character(" ")]
        case .helpClose: [.escape, .character("?"), .character("q")]
        case .promptSubmit: [.enter]
        case .promptCancel: [.escape]
        case .actionMenu: [.character("a")]
        case .queuePanel: [.character("Q")]
        case .ban: [.character("B")]
        case .unban: [.character("N")]
        case .lock: [.character("L")]
        case .unlock: [.character("K")]
        case .setCompromised: [.character("P")]
        case .unsetCompromised: [.character("U")]
        case .removePassword: [.character("R")]
        case .adjustCredit: [.character("C")]
        case .deletePasskey: [.character("X")]
        case .deleteWeb3Wallet: [.character("W")]
        case .deleteExternalAccount: [.character("E")]
        case .deleteTOTP: [.character("T")]
        case .deleteBackupCodes: [.character("Z")]
        case .disableMFA: [.character("M")]
        case .deleteProfileImage: [.character("I")]
        case .revokeTrustedDevice: [.character("O")]
        case .verifyTOTP: [.character("V")]
        case .deleteUser: [.character("D")]
        case .dialogNext: [.tab, .down]
        case .dialogPrevious: [.backTab, .up]
        case .dialogActivate: [.enter]
        case .dialogCancel: [.escape, .control("c")]
        case .dialogToggle: [.character(" "), .left, .right]
        case .dialogScrollUp: [.pageUp]
        case .dialogScrollDown: [.pageDown]
        case .quitNow: [.character("q")]
        case .discardUnfinished: [.character("d")]
        case .menuUp: [.up]
        case .menuDown: [.down, .tab]
        case .menuChoose: [.enter]
        case .menuClose: [.escape]
        case .queueUp: [.up, .character("k")]
        case .queueDown: [.down, .character("j")]
        case .queueOpen: [.enter]
        case .queueRetry: [.character("r")]
        case .queueCancel: [.character("x"), .delete]
        case .queueUndo: [.character("z")]
        case .queueConfirmApplied: [.character("c")]
        case .queueAbandon: [.character("A")]
        case .queueClose: [.escape, .character("q"), .character("Q")]
        case .editMetadata: [.character("e")]
        case .editorSend: [.control("s")]
        case .editorClose: [.escape, .control("c")]
        case .editorNextField: [.control("t")]
        case .editorMode: [.control("o")]
        case .editorUndo: [.control("z")]
        case .editorRedo: [.control("y")]
        case .editorJumpToError: [.control("g")]
        case .editorNextUser: [.control("n")]
        case .editorPreviousUser: [.control("p")]
        // Not plain E: in the editor every printable key is text.
        case .editorExternal: [.control("e")]
        }
    }

    /// The user action a key of the `actions` context opens.
    var actionKind: ActionKind? {
        switch self {
        case .ban: .ban
        case .unban: .unban
        case .lock: .lock
        case .unlock: .unlock
        case .setCompromised: .setCompromised
        case .unsetCompromised: .unsetCompromised
        case .removePassword: .removePassword
        case .adjustCredit: .adjustCredit
        case .deletePasskey: .deletePasskey
        case .deleteWeb3Wallet: .deleteWeb3Wallet
        case .deleteExternalAccount: .deleteExternalAccount
        case .deleteTOTP: .deleteTOTP
        case .deleteBackupCodes: .deleteBackupCodes
        case .disableMFA: .disableMFA
        case .deleteProfileImage: .deleteProfileImage
        case .revokeTrustedDevice: .revokeTrustedDevice
        case .verifyTOTP: .verifyTOTP
        case .deleteUser: .deleteUser
        default: nil
        }
    }

    /// Changes something at Clerk: removed in read-only mode.
    var isMutating: Bool {
        if let kind = actionKind { return kind != .verifyTOTP }
        return [.queueRetry, .queueUndo, .queueConfirmApplied, .editMetadata, .editorSend, .detailExternalEditor, .editorExternal].contains(self)
    }

    /// The detail section a digit action jumps to.
    var section: DetailState.Section? {
        switch self {
        case .section1: .profile
        case .section2: .identifications
        case .section3: .mfa
        case .section4: .metadata
        case .section5: .organizations
        case .section6: .billing
        default: nil
        }
    }
}

public typealias TriageKeymap = Keymap<TriageAction>

extension KeyContext {
    static let table: KeyContext = "table"
    static let search: KeyContext = "search"
    static let detail: KeyContext = "detail"
    static let help: KeyContext = "help"
    static let prompt: KeyContext = "prompt"
    static let actions: KeyContext = "actions"
    static let dialog: KeyContext = "dialog"
    static let menu: KeyContext = "menu"
    static let queue: KeyContext = "queue"
    static let editor: KeyContext = "editor"
}

extension Keymap where Action == TriageAction {
    /// The console's default bindings.
    public static var standard: Self { Self() }
}
