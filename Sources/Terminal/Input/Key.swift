import Foundation

/// One keystroke (or one paste), as the app sees it.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower-cased: Ctrl-D is `.control("d")`.
    case control(Character)
    case up, down, left, right
    /// Ctrl-← and Ctrl-→: a word at a time in text.
    case controlLeft, controlRight
    /// Alt (Meta) plus a key, which terminals send as Esc then the key: Alt-b is `.alt("b")`,
    /// Alt-Backspace `.alt("\u{7F}")`.
    case alt(Character)
    case pageUp, pageDown, home, end
    case insert, delete
    case tab, backTab, enter, escape, backspace
    case function(Int)
    /// Text pasted in one go (bracketed paste): inserted literally, never run as commands.
    case paste(String)
}

extension Key {
    /// Parses the notation used in keymaps and config files: `a`, `?`, `space`, `enter`, `esc`,
    /// `tab`, `shift-tab`, `backspace`, `delete`, `up`, `pgdn`, `home`, `f5`, `ctrl-d`, `ctrl-left`,
    /// `alt-b`, `alt-backspace`.
    public init?(chord: String) {
        let text = chord.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        switch lowered {
        case "space": self = .character(" ")
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "shift-tab", "backtab": self = .backTab
        case "backspace": self = .backspace
        case "delete", "del": self = .delete
        case "insert", "ins": self = .insert
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "ctrl-left": self = .controlLeft
        case "ctrl-right": self = .controlRight
        case "alt-backspace": self = .alt(Self.altBackspace)
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        default:
            if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isLetter {
                self = .control(letter)
            } else if lowered.hasPrefix("alt-"), text.count == 5, let character = text.last {
                self = .alt(character)
            } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
                self = .function(number)
            } else if text.count == 1, let character = text.first {
                self = .character(character)
            } else {
                return nil
            }
        }
    }

    /// The character `.alt` carries for Alt-Backspace (DEL, what Backspace sends).
    public static let altBackspace: Character = "\u{7F}"

    /// How the help overlay and the hint bar name the key.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .controlLeft: "Ctrl-←"
        case .controlRight: "Ctrl-→"
        case .alt(Self.altBackspace): "Alt-Backspace"
        case .alt(let character): "Alt-\(character)"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Ins"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .function(let number): "F\(number)"
        case .paste: "paste"
        }
    }
}

