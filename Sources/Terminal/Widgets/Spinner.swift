/// A busy indicator that advances one frame per tick.
public struct Spinner: Sendable, Hashable {
    public static let frames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// For terminals whose font lacks braille patterns.
    public static let asciiFrames: [String] = ["|", "/", "-", "\\"]
    public static let interval: Duration = .milliseconds(100)

    public static func frame(_ tick: Int, ascii: Bool = false) -> String {
        let set = ascii ? asciiFrames : frames
        return set[((tick % set.count) + set.count) % set.count]
    }
}
