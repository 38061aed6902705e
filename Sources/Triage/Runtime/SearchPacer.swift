/// When a search typed into the search pane goes out. The first keystroke after a pause searches
/// at once; keystrokes that follow each other closer than the pause wait until typing stops, so a
/// fast typist or a paste sends one request instead of one per character.
public struct SearchPacer: Sendable {
    public let pause: Duration
    private var lastKeystroke: ContinuousClock.Instant?

    public init(pause: Duration = .milliseconds(35)) {
        self.pause = pause
    }

    /// How long to wait before searching for a keystroke at `now`.
    public mutating func delay(forKeystrokeAt now: ContinuousClock.Instant) -> Duration {
        defer { lastKeystroke = now }
        guard let lastKeystroke, lastKeystroke.duration(to: now) < pause else { return .zero }
        return pause
    }
}
