import Terminal
import Testing

@Suite("Text editor")
struct TextEditorTests {
    static let twenty = (1...20).map { "line \($0)" }.joined(separator: "\n")

    func rendered(_ editor: TextEditor, width: Int = 12, height: Int = 3) -> [String] {
        var grid = Grid(size: Size(width: width, height: height))
        editor.render(into: &grid, in: grid.bounds, style: .plain, gutterStyle: .plain, focused: true)
        return grid.rows
    }

    @Test("lines, joins, paste and undo")
    func editing() {
        var editor = TextEditor("{\n  \"a\": 1\n}")
        editor.moveCursor(to: .init(line: 1, column: 8))
        editor.handle(.character(","))
        editor.handle(.enter)
        #expect(editor.cursor == .init(line: 2, column: 2), "the new line keeps the indentation")
        editor.handle(.paste("\"b\": [\n    2\n  ]"))
        #expect(editor.text == "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}")
        editor.undo()
        #expect(editor.text == "{\n  \"a\": 1,\n  \n}")
        editor.undo()
        editor.undo()
        #expect(editor.text == "{\n  \"a\": 1\n}")
        editor.moveCursor(to: .init(line: 1, column: 0))
        editor.handle(.backspace)
        #expect(editor.text == "{  \"a\": 1\n}")
    }

    @Test("typing a word is one undo step")
    func undoCoalescing() {
        var editor = TextEditor("")
        for character in "hello" { editor.handle(.character(character)) }
        editor.handle(.character(" "))
        for character in "you" { editor.handle(.character(character)) }
        editor.undo()
        #expect(editor.text == "hello ")
        editor.undo()
        #expect(editor.text == "hello")
        editor.undo()
        #expect(editor.text == "")
    }

    @Test("redo puts back what undo took; a new edit forgets it")
    func redo() {
        var editor = TextEditor("ab")
        editor.moveCursor(to: .init(line: 0, column: 2))
        editor.handle(.enter)
        editor.handle(.character("c"))
        editor.undo()
        editor.undo()
        #expect(editor.text == "ab" && editor.canRedo)
        editor.redo()
        #expect(editor.text == "ab\n" && editor.cursor == .init(line: 1, column: 0))
        editor.redo()
        #expect(editor.text == "ab\nc" && !editor.canRedo)
        editor.undo()
        editor.handle(.character("d"))
        #expect(!editor.canRedo)
        editor.redo()
        #expect(editor.text == "ab\nd")
    }

    @Test("Ctrl-Z is not the editor's: the app binds undo")
    func controlZIsNotBound() {
        var editor = TextEditor("a")
        editor.moveCursor(to: .init(line: 0, column: 1))
        editor.handle(.character("b"))
        #expect(editor.handle(.control("z")) == false)
        #expect(editor.text == "ab")
    }

    @Test("renders with a gutter from the scroll the cursor's moves left")
    func renderFollowsScroll() {
        var editor = TextEditor(Self.twenty)
        editor.viewport = Size(width: 12, height: 3)
        editor.moveCursor(to: .init(line: 15, column: 0))
        #expect(editor.scroll == 13)
        #expect(rendered(editor) == ["14 line 14  ", "15 line 15  ", "16 line 16  "])
        editor.handle(.up)
        editor.handle(.up)
        #expect(editor.scroll == 13, "moving inside the view does not scroll")
        editor.handle(.up)
        #expect(editor.scroll == 12)
        #expect(rendered(editor) == ["13 line 13  ", "14 line 14  ", "15 line 15  "])
    }

    @Test("drawing does not change the editor")
    func renderIsPure() {
        var editor = TextEditor(Self.twenty)
        editor.viewport = Size(width: 12, height: 3)
        editor.moveCursor(to: .init(line: 15, column: 0))
        let before = editor
        _ = rendered(editor, height: 2)
        _ = rendered(editor, height: 10)
        #expect(editor == before)
        #expect(rendered(editor, height: 2) == ["15 line 15  ", "16 line 16  "], "a smaller area still shows the cursor's line")
    }

    @Test("PgDn and PgUp move by the viewport; a smaller viewport keeps the cursor in view")
    func paging() {
        var editor = TextEditor(Self.twenty)
        editor.viewport = Size(width: 12, height: 5)
        editor.handle(.pageDown)
        #expect(editor.cursor.line == 4)
        editor.handle(.pageDown)
        #expect(editor.cursor.line == 8 && editor.scroll == 4)
        editor.handle(.pageUp)
        #expect(editor.cursor.line == 4 && editor.scroll == 4)
        editor.viewport = Size(width: 12, height: 2)
        editor.moveCursor(to: .init(line: 19, column: 0))
        #expect(editor.scroll == 18)
        editor.viewport = Size(width: 12, height: 10)
        #expect(editor.scroll == 10, "a taller view shows as many lines as the text has")
    }

    @Test("deleting lines under the view scrolls back so the view stays full")
    func deletingLines() {
        var editor = TextEditor(Self.twenty)
        editor.viewport = Size(width: 12, height: 5)
        editor.moveCursor(to: .init(line: 19, column: 7))
        #expect(editor.scroll == 15)
        for _ in 0..<40 { editor.handle(.backspace) }
        #expect(editor.lineCount < 20)
        #expect(editor.scroll == max(0, editor.lineCount - 5))
        #expect(editor.cursor.line >= editor.scroll && editor.cursor.line < editor.scroll + 5)
    }

    // MARK: Word movement and deletion

    @Test("Ctrl-←/→ and Alt-b/f move a word at a time, and across line ends")
    func wordMovement() {
        var editor = TextEditor("{\"flags\": {\"beta_2\": true},\n  \"名前\": 1}")
        editor.handle(.controlRight)
        #expect(editor.cursor == .init(line: 0, column: 7), "to the end of flags")
        editor.handle(.alt("f"))
        #expect(editor.cursor == .init(line: 0, column: 18), "beta_2 is one word")
        editor.handle(.alt("f"))
        editor.handle(.alt("f"))
        #expect(editor.cursor == .init(line: 0, column: 27), "to the line's end")
        editor.handle(.controlRight)
        #expect(editor.cursor == .init(line: 1, column: 0), "then to the next line")
        editor.handle(.controlRight)
        #expect(editor.cursor == .init(line: 1, column: 5), "名前 is one word of two characters")
        editor.handle(.controlLeft)
        #expect(editor.cursor == .init(line: 1, column: 3))
        editor.handle(.alt("b"))
        #expect(editor.cursor == .init(line: 1, column: 0))
        editor.handle(.alt("b"))
        #expect(editor.cursor == .init(line: 0, column: 27), "back to the end of the line above")
        editor.handle(.controlLeft)
        #expect(editor.cursor == .init(line: 0, column: 21))
    }

    @Test("Ctrl-W and Alt-Backspace delete the word before the cursor; at a line start they join lines")
    func deleteWordBack() {
        var editor = TextEditor("{\"tier\": \"gold plan\"\n}")
        editor.moveCursor(to: .init(line: 0, column: 19))
        editor.handle(.control("w"))
        #expect(editor.text == "{\"tier\": \"gold \"\n}")
        editor.handle(.alt(Key.altBackspace))
        #expect(editor.text == "{\"tier\": \"\"\n}" && editor.cursor == .init(line: 0, column: 10))
        editor.undo()
        #expect(editor.text == "{\"tier\": \"gold \"\n}", "each deletion is one undo step")
        editor.moveCursor(to: .init(line: 1, column: 0))
        editor.handle(.control("w"))
        #expect(editor.text == "{\"tier\": \"gold \"}")
    }

    // MARK: Auto-indent

    @Test("Enter keeps the indentation, adds a level after { or [, and puts a closer right after the cursor on its own line")
    func autoIndent() {
        var editor = TextEditor("")
        editor.handle(.character("{"))
        editor.handle(.enter)
        #expect(editor.text == "{\n  \n}" && editor.cursor == .init(line: 1, column: 2))
        for character in "\"tags\": [" { editor.handle(.character(character)) }
        editor.handle(.enter)
        #expect(editor.text == "{\n  \"tags\": [\n    \n  ]\n}" && editor.cursor == .init(line: 2, column: 4))
        for character in "1," { editor.handle(.character(character)) }
        editor.handle(.enter)
        #expect(editor.cursor == .init(line: 3, column: 4), "the same level after a plain line")
        #expect(editor.text == "{\n  \"tags\": [\n    1,\n    \n  ]\n}")
    }

    @Test("Enter after an opener with no closer adds a level; text after the cursor moves down re-indented")
    func autoIndentWithoutPair() {
        var editor = TextEditor("  \"a\": {   \"b\": 1")
        editor.moveCursor(to: .init(line: 0, column: 8))
        editor.handle(.enter)
        #expect(editor.text == "  \"a\": {\n    \"b\": 1" && editor.cursor == .init(line: 1, column: 4))
    }

    @Test("typing } or ] on a line of only indentation takes a level off")
    func closerDedents() {
        var editor = TextEditor("{\n  \"a\": [\n    1\n    ")
        editor.moveCursor(to: .init(line: 3, column: 4))
        editor.handle(.character("]"))
        #expect(editor.text == "{\n  \"a\": [\n    1\n  ]")
        editor.handle(.enter)
        #expect(editor.cursor == .init(line: 4, column: 2))
        editor.handle(.character("}"))
        #expect(editor.text == "{\n  \"a\": [\n    1\n  ]\n}")
        editor.moveCursor(to: .init(line: 2, column: 5))
        editor.handle(.character("]"))
        #expect(editor.text.contains("    1]"), "after text, a closer is typed where it is")
    }

    // MARK: Pairing

    @Test("{, [ and \" type their closer; typing that closer steps over it")
    func pairing() {
        var editor = TextEditor("")
        for character in "{\"plan\": [\"pro\"]}" { editor.handle(.character(character)) }
        #expect(editor.text == "{\"plan\": [\"pro\"]}", "every closer typed stepped over the one typed for the operator")
        #expect(editor.cursor == .init(line: 0, column: 17))
        var fresh = TextEditor("")
        fresh.handle(.character("["))
        #expect(fresh.text == "[]" && fresh.cursor == .init(line: 0, column: 1))
        fresh.handle(.character("\""))
        #expect(fresh.text == "[\"\"]" && fresh.cursor == .init(line: 0, column: 2))
    }

    @Test("a closer that was already there is typed, not stepped over; no pairing inside strings or after a word")
    func pairingLimits() {
        var editor = TextEditor("{}")
        editor.moveCursor(to: .init(line: 0, column: 1))
        editor.handle(.character("}"))
        #expect(editor.text == "{}}")
        var string = TextEditor("\"a b\"")
        string.moveCursor(to: .init(line: 0, column: 2))
        string.handle(.character("{"))
        string.handle(.character("\""))
        #expect(string.text == "\"a{\" b\"", "inside a string, before a space where a closer could otherwise go")
        var word = TextEditor("{abc}")
        word.moveCursor(to: .init(line: 0, column: 4))
        word.handle(.character("\""))
        #expect(word.text == "{abc\"}")
        var off = TextEditor("")
        off.closesPairs = false
        off.handle(.character("{"))
        #expect(off.text == "{")
    }

    @Test("Backspace between an empty pair removes both; in indentation it removes a level")
    func backspacePair() {
        var editor = TextEditor("")
        editor.handle(.character("["))
        editor.handle(.character("{"))
        editor.handle(.backspace)
        #expect(editor.text == "[]")
        editor.handle(.backspace)
        #expect(editor.text == "")
        var indented = TextEditor("{\n    ")
        indented.moveCursor(to: .init(line: 1, column: 4))
        indented.handle(.backspace)
        #expect(indented.text == "{\n  ")
    }

    @Test("a bracketed paste goes in verbatim: no closers added, no indentation added")
    func pasteIsVerbatim() {
        var editor = TextEditor("{\n  \n}")
        editor.moveCursor(to: .init(line: 1, column: 2))
        editor.handle(.paste("\"a\": {\n\"b\": [1,\n2]}"))
        #expect(editor.text == "{\n  \"a\": {\n\"b\": [1,\n2]}\n}")
        editor.handle(.paste("{\"x\": ["))
        #expect(editor.text.hasSuffix("2]}{\"x\": [\n}"))
    }

    // MARK: Colour, horizontal scroll, wide characters

    @Test("each character is drawn in the style the highlighter gives it; the cursor keeps that colour reversed")
    func highlighting() {
        var editor = TextEditor("ab")
        editor.moveCursor(to: .init(line: 0, column: 1))
        let red = Style(foreground: .indexed(1))
        var grid = Grid(size: Size(width: 8, height: 1))
        editor.render(into: &grid, in: grid.bounds, style: .plain, gutterStyle: .plain, focused: true) { line in
            line.map { $0 == "a" ? red : .plain }
        }
        #expect(grid[2, 0].style == red)
        #expect(grid[3, 0].style == Style.plain.adding(.reverse))
        editor.moveCursor(to: .init(line: 0, column: 0))
        editor.render(into: &grid, in: grid.bounds, style: .plain, gutterStyle: .plain, focused: true) { line in
            line.map { $0 == "a" ? red : .plain }
        }
        #expect(grid[2, 0].style == red.adding(.reverse))
    }

    @Test("a long line scrolls sideways to keep the cursor in view, with … where text goes on")
    func horizontalScroll() {
        var editor = TextEditor("0123456789abcdefghijklmnopqrstuvwxyz\nshort")
        editor.viewport = Size(width: 12, height: 2)
        #expect(rendered(editor, height: 2) == ["1 012345678…", "2 short     "])
        for _ in 0..<8 { editor.handle(.right) }
        #expect(editor.columnScroll == 0 && editor.cursor.column == 8)
        editor.handle(.right)
        #expect(editor.columnScroll == 3, "the cursor would be under the marker: the view jumps a quarter of its width")
        #expect(rendered(editor, height: 2) == ["1 …456789ab…", "2 …t        "], "a shorter line scrolled out of view still says there is text to the left")
        editor.handle(.end)
        #expect(rendered(editor, height: 2)[0] == "1 …vwxyz    ", "at the line's end the cells after it are free to type in")
        editor.handle(.down)
        #expect(editor.columnScroll == 0 && rendered(editor, height: 2) == ["1 012345678…", "2 short     "], "a short line is shown from its start")
        editor.handle(.up)
        editor.handle(.home)
        #expect(editor.columnScroll == 0)
        editor.handle(.end)
        var grid = Grid(size: Size(width: 12, height: 2))
        editor.render(into: &grid, in: grid.bounds, style: Style(background: .indexed(236)), gutterStyle: Style(foreground: .indexed(245)), focused: false)
        #expect(grid[2, 0].character == "…" && grid[2, 0].style == Style(foreground: .indexed(245), background: .indexed(236)),
                "the marker is in the gutter's colour on the text's background")
    }

    @Test("the cursor never sits under a marker, wherever it moves on a long line")
    func cursorStaysVisible() {
        var editor = TextEditor(String(repeating: "名a", count: 30))
        editor.viewport = Size(width: 13, height: 1)
        for step in 0..<70 {
            editor.handle(step < 60 ? .right : .left)
            var grid = Grid(size: Size(width: 13, height: 1))
            editor.render(into: &grid, in: grid.bounds, style: .plain, gutterStyle: .plain, focused: true)
            let reversed = (0..<13).filter { grid[$0, 0].style.attributes.contains(.reverse) }
            #expect(reversed.count == (editor.cursor.column < 60 && editor.cursor.column % 2 == 0 ? 2 : 1), "step \(step): the whole cursor is in view")
            #expect(grid[2, 0].character != "…" || !reversed.contains(2), "step \(step): not under the left marker")
            #expect(grid[12, 0].character != "…" || !reversed.contains(12), "step \(step): not under the right marker")
        }
    }

    @Test("wide and combining characters: one step each, the cursor drawn over the cells they take")
    func wideCharacters() {
        var editor = TextEditor("名前x\ne\u{301}👍y\nabcdef")
        #expect(editor.lineCount == 3)
        func reversedCells(_ editor: TextEditor) -> [Int] {
            var grid = Grid(size: Size(width: 12, height: 3))
            editor.render(into: &grid, in: grid.bounds, style: .plain, gutterStyle: .plain, focused: true)
            return (0..<12).filter { grid[$0, editor.cursor.line].style.attributes.contains(.reverse) }
        }
        #expect(reversedCells(editor) == [2, 3], "on 名, two cells")
        editor.handle(.right)
        #expect(editor.cursor.column == 1 && reversedCells(editor) == [4, 5], "one step over a wide character")
        editor.handle(.right)
        #expect(reversedCells(editor) == [6])
        editor.moveCursor(to: .init(line: 1, column: 1))
        #expect(reversedCells(editor) == [3, 4], "é (e + U+0301) is one cell and one step: the cursor is on 👍")
        editor.handle(.right)
        #expect(reversedCells(editor) == [5])
        editor.moveCursor(to: .init(line: 0, column: 2))
        editor.handle(.down)
        #expect(editor.cursor == .init(line: 1, column: 3), "cell 4 is past the end of the shorter line")
        editor.handle(.down)
        #expect(editor.cursor == .init(line: 2, column: 4), "back to the cell Up and Down aim for")
        editor.handle(.up)
        editor.handle(.up)
        #expect(editor.cursor == .init(line: 0, column: 2))
        editor.moveCursor(to: .init(line: 2, column: 2))
        editor.handle(.up)
        #expect(editor.cursor == .init(line: 1, column: 1), "cell 2 is inside 👍: the cursor goes on it")
        editor.handle(.up)
        #expect(editor.cursor == .init(line: 0, column: 1), "cell 2 is where 前 starts")
    }

    @Test("a combining accent typed after its letter joins it, as it looks")
    func typedCombining() {
        var editor = TextEditor("\"\"")
        editor.moveCursor(to: .init(line: 0, column: 1))
        editor.handle(.character("e"))
        editor.handle(.character("\u{301}"))
        editor.handle(.character("x"))
        #expect(editor.text == "\"e\u{301}x\"")
        #expect(editor.cursor.column == 3)
        editor.handle(.left)
        editor.handle(.backspace)
        #expect(editor.text == "\"x\"", "é goes as one")
    }
}
