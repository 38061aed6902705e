import Foundation
import Terminal
import Testing
@testable import Triage

/// Full-frame snapshots that keep the styles: the frame's text, then one letter per cell naming its
/// style, then what each letter is in theme roles. Colour is part of what these frames show (the
/// editor's syntax colouring, the preview's diff marks), which a text-only frame cannot catch.
enum StyledFrame {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    static func text(_ grid: Grid, theme: Theme) -> String {
        var codes: [Style: Character] = [:]
        var legend: [String] = []
        var rows: [String] = []
        for y in 0..<grid.size.height {
            var row = ""
            for x in 0..<grid.size.width {
                let style = grid[x, y].style
                if codes[style] == nil {
                    let letter = codes.count < letters.count ? letters[codes.count] : "?"
                    codes[style] = letter
                    legend.append("\(letter)  \(name(style, theme: theme))")
                }
                row.append(codes[style] ?? "?")
            }
            rows.append(row)
        }
        let text = grid.rows.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        return (text + ["--- each cell's style ---"] + rows + ["--- styles ---"] + legend).joined(separator: "\n") + "\n"
    }

    /// Every theme role the style is (several roles may share a look), on its own or over the
    /// editor's input background, with any attribute added on top.
    static func name(_ style: Style, theme: Theme) -> String {
        let input = theme[.input]
        for (suffix, extra) in [("", Style.Attributes()), (" +reverse", .reverse), (" +bold", .bold)] {
            var names: [String] = []
            for role in ThemeRole.allCases {
                let own = theme[role]
                if own.adding(extra) == style { names.append(role.rawValue) }
                let over = Style(foreground: own.foreground == .default ? input.foreground : own.foreground,
                                 background: own.background == .default ? input.background : own.background,
                                 attributes: own.attributes.union(input.attributes))
                if over != own, over.adding(extra) == style { names.append("\(role.rawValue) on input") }
            }
            if !names.isEmpty { return names.joined(separator: " | ") + suffix }
        }
        return "unnamed \(style)"
    }

    static func check(_ name: String, _ model: TriageModel, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = Self.text(TriageView.render(model), theme: model.theme)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/\(name)-\(model.size.width)x\(model.size.height).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) at \(model.size.width)×\(model.size.height) differs from \(url.lastPathComponent):\n\(text)",
                sourceLocation: sourceLocation)
    }
}
