extension String {
    /// Cut to at most `columns` terminal columns, ending with "…" when anything was cut. Cuts
    /// between grapheme clusters, never inside one, and never leaves half a wide character.
    public func truncated(toColumns columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if DisplayWidth.of(self) <= columns { return self }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let budget = columns - ellipsisWidth
        guard budget >= 0 else { return String(repeating: ".", count: columns) }
        var result = ""
        var used = 0
        for character in self {
            let width = DisplayWidth.of(character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        return result + ellipsis
    }

    /// Truncated, then padded with spaces to exactly `columns`.
    public func fitted(toColumns columns: Int, alignRight: Bool = false) -> String {
        let cut = truncated(toColumns: columns)
        let padding = String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
