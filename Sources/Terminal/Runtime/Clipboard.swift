import Foundation

/// Copy to the operator's clipboard through the terminal (OSC 52), which works over SSH where no
/// local clipboard tool can reach the operator's machine.
public enum Clipboard {
    /// The escape sequence that asks the terminal to put `text` on the clipboard.
    ///
    /// Always plain, inside tmux too: tmux takes a plain OSC 52 itself when `set-clipboard` is
    /// on and forwards it to the outer terminal, while a DCS pass-through is dropped unless
    /// `allow-passthrough` is on as well.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }
}
