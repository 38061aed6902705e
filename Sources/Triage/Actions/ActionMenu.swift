import Terminal

/// The action menu: the actions that apply to the user on screen (or to the marked users), each
/// with its key, narrowed by typing.
public struct ActionMenu: Sendable {
    public var userIDs: [String]
    public var items: [ActionKind]
    public var filter = TextField()
    public var selection = 0

    public init(userIDs: [String], items: [ActionKind]) {
        self.userIDs = userIDs
        self.items = items
    }

    /// The items whose title or command contains every typed word.
    public var visible: [ActionKind] {
        let words = filter.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return items }
        return items.filter { item in
            let haystack = (item.title + " " + item.commandName).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    public var chosen: ActionKind? {
        let visible = visible
        return visible.indices.contains(selection) ? visible[selection] : nil
    }
}

/// `:audit`: the audit log, newest first.
public struct AuditPanel: Sendable {
    public var lines: [String]
    public var scroll = 0
    public var loading: Bool

    public init(lines: [String] = [], loading: Bool = true) {
        self.lines = lines
        self.loading = loading
    }
}
