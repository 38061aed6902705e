extension JSONValue {
    /// Clerk's `PATCH /users/{id}/metadata` semantics: objects merge recursively, any other patch
    /// value (arrays included) replaces, and `null` deletes the key at whatever depth it appears.
    ///
    /// The console previews exactly this before sending, and the sandbox applies exactly this, so
    /// both sides share one definition.
    public func deepMerged(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchFields) = patch else { return patch }
        var merged: [String: JSONValue]
        if case .object(let baseFields) = self {
            merged = baseFields
        } else {
            // Merging an object into a non-object starts from nothing, as Clerk does.
            merged = [:]
        }
        for (key, patchValue) in patchFields {
            if patchValue.isNull {
                merged.removeValue(forKey: key)
            } else if case .object = patchValue, let existing = merged[key], case .object = existing {
                merged[key] = existing.deepMerged(with: patchValue)
            } else {
                merged[key] = patchValue.removingNulls()
            }
        }
        return .object(merged)
    }

    /// A patch value newly placed into metadata must not leave `null` markers behind: a null inside
    /// a brand-new object means "no such key" just as it does elsewhere.
    func removingNulls() -> JSONValue {
        guard case .object(let fields) = self else { return self }
        var kept: [String: JSONValue] = [:]
        for (key, value) in fields where !value.isNull {
            kept[key] = value.removingNulls()
        }
        return .object(kept)
    }
}
