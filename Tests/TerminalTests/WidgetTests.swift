import Terminal
import Testing

@Suite("Widgets")
struct WidgetTests {
    let theme = Theme.monochrome

    @Test("table: widths follow the space, CJK aligns, selection is styled")
    func table() {
        var grid = Grid(size: Size(width: 30, height: 4))
        let table = TableView(
            columns: [.init("Name", .flexible(weight: 1, min: 6)), .init("Age", .fixed(4), alignRight: true)],
            rows: [.init(["Ana", "31"]), .init(["王芳芳芳芳芳芳芳芳芳芳芳芳", "7"]), .init(["Zoë", "102"])],
            selected: 1)
        table.render(into: &grid, in: grid.bounds, theme: theme)
        #expect(grid.rows == [
            " Name                      Age",
            " Ana                        31",
            " 王芳芳芳芳芳芳芳芳芳芳…     7",
            " Zoë                       102",
        ])
        #expect(grid[1, 2].style.attributes.contains(.reverse))
        #expect(!grid[1, 1].style.attributes.contains(.reverse))
    }

    @Test("table: narrow terminals drop columns from the right")
    func tableLayout() {
        let columns: [TableView.Column] = [.init("A", .flexible(weight: 1, min: 10)), .init("B", .fixed(10)), .init("C", .fixed(10))]
        #expect(TableView.layout(columns, total: 40) == [17, 10, 10])
        #expect(TableView.layout(columns, total: 25) == [13, 10, 0])
    }

    @Test("text field editing keys")
    func textField() {
        var field = TextField("hello world")
        field.handle(.control("w"))
        #expect(field.text == "hello ")
        field.handle(.home)
        field.handle(.character(">"))
        #expect(field.text == ">hello " && field.cursor == 1)
        field.handle(.control("k"))
        #expect(field.text == ">")
        field.handle(.paste("a\nb"))
        #expect(field.text == ">a b")
        field.handle(.backspace)
        field.handle(.left)
        field.handle(.delete)
        #expect(field.text == ">a")
        field.handle(.left)
        field.handle(.control("u"))
        #expect(field.text == "a" && field.cursor == 0)
        let consumed = field.handle(.pageDown)
        #expect(!consumed)
    }

    @Test("text field scrolls to keep the cursor visible and draws it")
    func textFieldRender() {
        var grid = Grid(size: Size(width: 6, height: 1))
        TextField("abcdefghij").render(into: &grid, in: grid.bounds, style: .plain, focused: true)
        #expect(grid.rowText(0) == "fghij ")
        #expect(grid[5, 0].style.attributes.contains(.reverse))
    }

    @Test("scroll pane shows a window and a scrollbar")
    func scrollPane() {
        var pane = ScrollPane(lines: (1...10).map { [Span("row \($0)")] })
        pane.handle(.pageDown, height: 3)
        var grid = Grid(size: Size(width: 8, height: 3))
        pane.render(into: &grid, in: grid.bounds, markerStyle: .plain)
        #expect(grid.rows.map { String($0.prefix(6)) } == ["row 3 ", "row 4 ", "row 5 "])
        #expect(grid.rows.map { String($0.suffix(1)) }.contains("█"))
    }

    @Test("dialog focuses Cancel by default; Enter there does nothing destructive")
    func dialog() {
        var dialog = Dialog(title: "Ban user?", message: ["Ana Lima will be signed out."], buttons: ["Ban", "Cancel"], destructive: true)
        #expect(dialog.focused == 1)
        #expect(dialog.handle(.enter) == .chose(1))
        _ = dialog.handle(.left)
        #expect(dialog.handle(.enter) == .chose(0))
        #expect(dialog.handle(.escape) == .dismissed)
        var grid = Grid(size: Size(width: 40, height: 9))
        dialog.render(into: &grid, in: grid.bounds, theme: theme)
        #expect(grid.rows.contains { $0.contains("Ban user?") })
        #expect(grid.rows.contains { $0.contains("[ Ban ]  [ Cancel ]") })
    }

    @Test("tabs, status bar, hints and spinner")
    func smallWidgets() {
        var grid = Grid(size: Size(width: 30, height: 2))
        Tabs(titles: ["Profile", "MFA"], selected: 1).render(into: &grid, in: grid.bounds, theme: theme)
        #expect(grid.rowText(0).hasPrefix(" 1 Profile  2 MFA "))
        StatusBar(left: HintBar.line([("q", "quit"), ("?", "help")], keyStyle: .plain, labelStyle: .plain), right: [Span("page 1")])
            .render(into: &grid, in: Rect(x: 0, y: 1, width: 30, height: 1), style: .plain)
        #expect(grid.rowText(1) == "q quit  ? help          page 1")
        #expect(Spinner.frame(0) != Spinner.frame(1))
        #expect(Spinner.frame(10) == Spinner.frame(0))
    }
}
