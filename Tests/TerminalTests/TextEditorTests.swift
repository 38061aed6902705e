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
}
