import Foundation

/// Copy to the operator's clipboard through the terminal (OSC 52), which works over SSH where no
/// local clipboard tool can reach the operator's machine.
public enum Clipboard {
    /// The escape sequence that asks the terminal to put `text` on the clipboard. Inside tmux it
    /// is wrapped in a DCS passthrough so tmux forwards it to the outer terminal.
    public static func osc52(_ text: String, insideTmux: Bool) -> String {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        guard insideTmux else { return sequence }
        return "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
