/// An action keys can be bound to. Apps declare theirs as an enum, so that a misspelt action is a
/// compile error rather than a key that silently does nothing.
public protocol BindableAction: Hashable, Sendable, CaseIterable where AllCases: Sendable {
    /// Stable name used in config files, e.g. `table.next-page`.
    var id: String { get }
    /// Where it applies; also the help overlay's sections.
    var context: KeyContext { get }
    var summary: String { get }
    var defaultKeys: [Key] { get }
}

/// Where an action applies, e.g. `table` or `detail`. Actions of `global` apply everywhere unless
/// the context binds the key itself.
public struct KeyContext: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public static let global: KeyContext = "global"
}

public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The single registry of key bindings: the app dispatches through it, the help overlay is
/// generated from it, and a config file can rebind any action by its id.
public struct Keymap<Action: BindableAction>: Sendable {
    private var bindings: [Action: [Key]]

    public init() {
        bindings = Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0, $0.defaultKeys) })
    }

    /// The action `key` triggers in `context`, falling back to the global actions unless
    /// `includeGlobal` is false. `isAvailable` hides actions that do not apply right now (the
    /// key then falls through as if unbound).
    public func action(for key: Key, in context: KeyContext, includeGlobal: Bool = true, where isAvailable: (Action) -> Bool = { _ in true }) -> Action? {
        func bound(_ action: Action) -> Bool { isAvailable(action) && bindings[action]?.contains(key) == true }
        if let local = Action.allCases.first(where: { $0.context == context && bound($0) }) { return local }
        guard includeGlobal, context != .global else { return nil }
        return Action.allCases.first { $0.context == .global && bound($0) }
    }

    public func keys(for action: Action) -> [Key] { bindings[action] ?? [] }

    /// `Enter` or `Ctrl-R/r`: how hints name the keys of an action; empty when unbound.
    public func label(for action: Action) -> String { keys(for: action).map(\.label).joined(separator: "/") }

    /// Replaces the keys of the named actions, e.g. from `keys:` in the config file. Refuses
    /// unknown actions and unknown key names, naming them.
    public mutating func override(_ overrides: [String: [String]]) throws(KeymapError) {
        for (id, chords) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = Action.allCases.first(where: { $0.id == id }) else {
                throw KeymapError(message: "keys.\(id): no such action; known actions: \(Action.allCases.map(\.id).sorted().joined(separator: ", "))")
            }
            var keys: [Key] = []
            for chord in chords {
                guard let key = Key(chord: chord) else {
                    throw KeymapError(message: "keys.\(id): '\(chord)' is not a key (examples: j, ctrl-d, pgdn, shift-tab, f5)")
                }
                keys.append(key)
            }
            bindings[action] = keys
        }
    }

    /// Sections of (keys, summary) lines for the help overlay, in declaration order; actions that
    /// are unbound or not available are left out, so help shows only what works.
    public func helpSections(where isAvailable: (Action) -> Bool = { _ in true }) -> [(context: KeyContext, lines: [(keys: String, summary: String)])] {
        var order: [KeyContext] = []
        for action in Action.allCases where !order.contains(action.context) { order.append(action.context) }
        var sections: [(context: KeyContext, lines: [(keys: String, summary: String)])] = []
        for context in order {
            var lines: [(keys: String, summary: String)] = []
            for action in Action.allCases where action.context == context && isAvailable(action) {
                let bound = keys(for: action)
                if !bound.isEmpty { lines.append((bound.map(\.label).joined(separator: " "), action.summary)) }
            }
            if !lines.isEmpty { sections.append((context, lines)) }
        }
        return sections
    }
}
