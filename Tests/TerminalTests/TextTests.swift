import Terminal
import Testing

@Suite("Text: width, sanitising, truncation")
struct TextTests {
    @Test("CJK and emoji are two columns, combining marks none", arguments: [
        ("abc", 3), ("漢字", 4), ("한국어", 6), ("😀", 2), ("é", 1), ("e\u{301}", 1), ("👩‍👩‍👧", 2), ("ﾊﾝｶｸ", 4), ("שלום", 4),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("controls, escapes and bidi overrides become visible placeholders", arguments: [
        ("\u{1B}]0;PWNED\u{07}", "␛]0;PWNED␇"),
        ("\u{1B}[2J", "␛[2J"),
        ("evil\u{202E}txt.exe", "evil‹RLO›txt.exe"),
        ("a\u{2066}b\u{2069}", "a‹LRI›b‹PDI›"),
        ("C1\u{9B}31m", "C1\u{FFFD}31m"),
        ("del\u{7F}", "del␡"),
        ("zero\u{200B}width", "zero‹ZWSP›width"),
        ("line\nbreak\ttab", "line␊break␉tab"),
        ("plain ascii", "plain ascii"),
        ("Zoë 漢字 😀", "Zoë 漢字 😀"),
    ])
    func sanitises(raw: String, shown: String) {
        #expect(Sanitizer.clean(raw) == shown)
    }

    @Test("invalid UTF-8 becomes U+FFFD")
    func invalidUTF8() {
        #expect(Sanitizer.clean(bytes: [0x61, 0xFF, 0x62, 0xC3]) == "a\u{FFFD}b\u{FFFD}")
    }

    @Test("truncation counts columns and never splits a wide character", arguments: [
        ("hello world", 8, "hello w…"),
        ("漢字漢字漢字", 7, "漢字漢…"),
        ("漢字漢字漢字", 6, "漢字…"),
        ("short", 10, "short"),
        ("e\u{301}e\u{301}e\u{301}e\u{301}", 3, "e\u{301}e\u{301}…"),
    ])
    func truncation(text: String, columns: Int, expected: String) {
        let result = text.truncated(toColumns: columns)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= columns)
    }

    @Test("a styled line cut to a width ends with … in the style of the span that was cut")
    func styledTruncation() {
        let bold = Style.plain.adding(.bold)
        let line: StyledLine = [Span("Name "), Span("名前 Tanaka", bold), Span(" more")]
        #expect(line.truncated(toColumns: 40) == line, "a line that fits is untouched")
        #expect(line.truncated(toColumns: 8) == [Span("Name "), Span("名…", bold)])
        #expect(line.truncated(toColumns: 5) == [Span("Name…")], "a span that just fits gives way to the … when more follows")
        #expect(line.truncated(toColumns: 7) == [Span("Name "), Span("…", bold)], "never half a wide character")
    }

    @Test("fitted pads to exactly the width")
    func fitted() {
        #expect("漢字".fitted(toColumns: 6) == "漢字  ")
        #expect("ab".fitted(toColumns: 4, alignRight: true) == "  ab")
    }
}

@Suite("Grid")
struct GridTests {
    @Test("a hostile string cannot put an escape into the grid")
    func sanitisesAtTheBoundary() {
        var grid = Grid(size: Size(width: 30, height: 1))
        grid.put("\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{202E}x", x: 0, y: 0, style: .plain)
        let text = grid.rowText(0)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(text.hasPrefix("␛]0;PWNED␇␛[2J‹RLO›x"))
    }

    @Test("wide characters take two cells; half a wide character never shows")
    func wideCharacters() {
        var grid = Grid(size: Size(width: 5, height: 1))
        grid.put("a漢字", x: 0, y: 0, style: .plain)
        #expect(grid.rowText(0) == "a漢字")
        #expect(grid[2, 0].isContinuation && grid[4, 0].isContinuation)
        grid.put("b", x: 2, y: 0, style: .plain)
        #expect(grid.rowText(0) == "a b字", "overwriting the second half blanks the first")
        var narrow = Grid(size: Size(width: 4, height: 1))
        narrow.put("ab漢字", x: 1, y: 0, style: .plain)
        #expect(narrow.rowText(0) == " ab ", "a wide character that does not fit leaves a blank")
    }

    @Test("clipping keeps text inside its rectangle")
    func clipping() {
        var grid = Grid(size: Size(width: 10, height: 2))
        grid.put("0123456789", x: 2, y: 1, style: .plain, clip: Rect(x: 2, y: 1, width: 4, height: 1))
        #expect(grid.rows == ["          ", "  0123    "])
    }
}
