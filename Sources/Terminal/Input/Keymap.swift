/// A command the user can bind keys to.
public struct KeyAction: Sendable, Hashable {
    /// Stable name used in config files, e.g. `table.next-page`.
    public var id: String
    /// Where it applies, e.g. `table`, `detail`, `global`: also the help overlay's sections.
    public var context: String
    public var summary: String
    public var defaultKeys: [Key]

    public init(_ id: String, context: String, summary: String, keys: [Key]) {
        self.id = id
        self.context = context
        self.summary = summary
        self.defaultKeys = keys
    }
}

public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The single registry of key bindings: the app dispatches through it, the help overlay is
/// generated from it, and a config file can rebind any action by its id.
public struct Keymap: Sendable {
    public private(set) var actions: [KeyAction]
    private var bindings: [String: [Key]]

    public init(actions: [KeyAction]) {
        self.actions = actions
        bindings = Dictionary(actions.map { ($0.id, $0.defaultKeys) }, uniquingKeysWith: { first, _ in first })
    }

    /// The action `key` triggers in `context`; actions of the `global` context apply everywhere
    /// unless the context binds the key itself.
    public func action(for key: Key, in context: String) -> String? {
        let local = actions.first { $0.context == context && bindings[$0.id]?.contains(key) == true }
        if let local { return local.id }
        return actions.first { $0.context == "global" && bindings[$0.id]?.contains(key) == true }?.id
    }

    /// Replaces the keys of the named actions, e.g. from `keys:` in the config file. Refuses
    /// unknown actions and unknown key names, naming them.
    public mutating func override(_ overrides: [String: [String]]) throws(KeymapError) {
        for (id, chords) in overrides.sorted(by: { $0.key < $1.key }) {
            guard actions.contains(where: { $0.id == id }) else {
                throw KeymapError(message: "keys.\(id): no such action; known actions: \(actions.map(\.id).sorted().joined(separator: ", "))")
            }
            var keys: [Key] = []
            for chord in chords {
                guard let key = Key(chord: chord) else {
                    throw KeymapError(message: "keys.\(id): '\(chord)' is not a key (examples: j, ctrl-d, pgdn, shift-tab, f5)")
                }
                keys.append(key)
            }
            bindings[id] = keys
        }
    }

    /// Sections of (keys, summary) lines for the help overlay, in registration order.
    public func helpSections() -> [(context: String, lines: [(keys: String, summary: String)])] {
        var order: [String] = []
        for action in actions where !order.contains(action.context) { order.append(action.context) }
        return order.map { context in
            (context, actions.filter { $0.context == context && !(bindings[$0.id] ?? []).isEmpty }.map { action in
                ((bindings[action.id] ?? []).map(\.label).joined(separator: " "), action.summary)
            })
        }
    }
}
