import CNcursesw
import Terminal

/// ncurses key codes and raw characters to `Key`.
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        default:
            if let extra = extraSequences.first(where: { $0.code == code }) { return extra.key }
            let function = code - ct_key_f0()
            return (1...24).contains(function) ? .function(Int(function)) : nil
        }
    }

    /// Keys whose sequences terminfo often lacks or names differently per terminal, registered with
    /// `define_key` under codes of our own: Ctrl-arrows (xterm and tmux, older xterm, rxvt) for
    /// word movement, and the Alt keys the text editor uses, which arrive as Esc then the key.
    static let extraSequences: [(sequence: String, code: Int32, key: Key)] = [
        ("\u{1B}[1;5D", 0x1000 + 10, .controlLeft), ("\u{1B}[5D", 0x1000 + 11, .controlLeft), ("\u{1B}Od", 0x1000 + 12, .controlLeft),
        ("\u{1B}[1;5C", 0x1000 + 13, .controlRight), ("\u{1B}[5C", 0x1000 + 14, .controlRight), ("\u{1B}Oc", 0x1000 + 15, .controlRight),
        ("\u{1B}b", 0x1000 + 16, .alt("b")), ("\u{1B}f", 0x1000 + 17, .alt("f")), ("\u{1B}d", 0x1000 + 18, .alt("d")),
        ("\u{1B}\u{7F}", 0x1000 + 19, .alt(Key.altBackspace)), ("\u{1B}\u{8}", 0x1000 + 20, .alt(Key.altBackspace)),
    ]

    static func character(_ scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(scalar.value + 0x60) ?? "?"))
        default: return .character(Character(scalar))
        }
    }
}
