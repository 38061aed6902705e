import CTextWidth

/// Terminal columns, measured the way the terminal will draw them.
public enum DisplayWidth {
    /// 0 for combining marks and zero-width joiners, 2 for CJK and most emoji, 1 otherwise.
    /// Controls never reach here (the sanitiser replaced them), so -1 is treated as 1.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value >= 0x20 ? 1 : 0 }
        let width = Int(ct_wcwidth(scalar.value))
        return width < 0 ? 1 : width
    }

    /// Columns of a grapheme cluster: its widest scalar, so that 👩‍👩‍👧 or é (e + U+0301)
    /// count once. An emoji presentation selector makes the cluster wide.
    public static func of(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            widest = max(widest, of(scalar))
        }
        return widest
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }
}
