/// One step of a path into a JSON document.
public enum JSONPathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

/// A single difference between two JSON documents, addressed by path.
public struct JSONChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case added(JSONValue)
        case removed(JSONValue)
        case changed(from: JSONValue, to: JSONValue)
    }

    public var path: [JSONPathComponent]
    public var kind: Kind

    public init(path: [JSONPathComponent], kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `a.b[2].c`-style text for display.
    public var pathText: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(root)" : text
    }
}

extension JSONValue {
    /// The changes that turn `self` into `other`, sorted by path so that a preview reads top to
    /// bottom. Objects are compared key by key; arrays and scalars are compared whole, because Clerk
    /// replaces arrays whole and a per-index diff would suggest otherwise.
    public func changes(to other: JSONValue) -> [JSONChange] {
        var changes: [JSONChange] = []
        Self.collectChanges(from: self, to: other, at: [], into: &changes)
        return changes
    }

    private static func collectChanges(
        from old: JSONValue, to new: JSONValue, at path: [JSONPathComponent], into changes: inout [JSONChange]
    ) {
        guard case .object(let oldFields) = old, case .object(let newFields) = new else {
            if old != new { changes.append(JSONChange(path: path, kind: .changed(from: old, to: new))) }
            return
        }
        for key in Set(oldFields.keys).union(newFields.keys).sorted() {
            let childPath = path + [.key(key)]
            switch (oldFields[key], newFields[key]) {
            case (nil, let added?): changes.append(JSONChange(path: childPath, kind: .added(added)))
            case (let removed?, nil): changes.append(JSONChange(path: childPath, kind: .removed(removed)))
            case (let before?, let after?): collectChanges(from: before, to: after, at: childPath, into: &changes)
            case (nil, nil): break
            }
        }
    }
}
