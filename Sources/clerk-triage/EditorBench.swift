import ArgumentParser
import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation
import Terminal
import Triage

/// Keystroke → preview redrawn in the metadata editor, on an 8 KB document: what the console does
/// for each key before it draws (parse, merge, diff, view).
struct EditorBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "editor",
        abstract: "Measure keystroke → preview in the metadata editor on an 8 KB metadata document (replace mode, 120×40).")

    @Option(help: "Keystrokes to time.")
    var keystrokes = 2_000

    @Option(help: "Seed for the document and the keystrokes (random when not given).")
    var seed: UInt64?

    func run() async throws {
        let seed = seed ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var random = SeededRandom(seed: seed)
        let document = Self.document(bytes: 8 * 1024, random: &random)
        var user = User(id: "user_bench", createdAt: 0, updatedAt: 0)
        user.firstName = "Bench"
        user.publicMetadata = document
        let theme = (try? ThemeCatalog.standard(environment: [:], executablePath: CommandLine.arguments[0]).load("dark")) ?? .monochrome
        var model = TriageModel(instance: Instance(kind: .sandbox, baseURL: "http://127.0.0.1:9/v1", maskedKey: "sk_test_…bnch"),
                                theme: theme, size: Size(width: 120, height: 40), now: Date().unixMillis)
        _ = TriageUpdate.start(&model)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: model.browse.generation, key: .init(offset: 0, limit: model.pageSize),
                                                    prefetch: false, .success([user])))
        for key: Key in [.enter, .character("4"), .character("e"), .control("o")] { _ = TriageUpdate.update(&model, .key(key)) }
        guard case .metadata(let editor) = model.screen else { throw OperatorError("the metadata editor did not open") }
        let size = editor.editor.text.utf8.count
        let moves: [Key] = [.up, .down, .left, .right, .controlLeft, .controlRight, .pageDown, .pageUp, .home, .end]
        // Quotes and brackets pair, Enter indents, Ctrl-W deletes a word: the editing paths a key can take.
        let typed: [Key] = [.character("a"), .character("7"), .character(" "), .backspace, .character("\""), .character("["), .character(","), .enter, .control("w")]
        let undo = model.keymap.keys(for: .editorUndo).first ?? .control("z")
        var samples: [Duration] = []
        var valid = 0
        for _ in 0..<keystrokes {
            // Wander to a random place, then type there: every typed key re-parses the whole document.
            if random.next() % 3 == 0, let move = moves.randomElement(using: &random) { _ = TriageUpdate.update(&model, .key(move)) }
            guard let key = typed.randomElement(using: &random) else { continue }
            let started = ContinuousClock.now
            _ = TriageUpdate.update(&model, .key(key))
            _ = TriageView.render(model)
            samples.append(started.duration(to: .now))
            if case .metadata(let editor) = model.screen, case .invalid = editor.preview.outcome {} else { valid += 1 }
            // Untimed: take the key back, so the document stays valid JSON and the keys that keep it
            // valid take the whole path (merge, diff, marked result), not only the error's.
            _ = TriageUpdate.update(&model, .key(undo))
        }
        let p50 = nearestRankPercentile(samples, 0.5)
        let p95 = nearestRankPercentile(samples, 0.95)
        let slowest = samples.max() ?? .zero
        Output.line("metadata editor, replace mode, 120×40, a \(document.jsonText().utf8.count)-byte document (\(size) bytes pretty-printed; seed \(seed)), \(samples.count) keystrokes")
        Output.line("previews of a valid document (merged, diffed, marked): \(valid * 100 / max(1, samples.count))%; the rest show the JSON error")
        Output.line("keystroke → preview redrawn: p50 \(Self.ms(p50)), p95 \(Self.ms(p95)), max \(Self.ms(slowest))   goal p95 < 10 ms\(p95 < .milliseconds(10) ? "  met" : "  MISSED")")
    }

    static func ms(_ duration: Duration) -> String {
        String(format: "%.2f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
    }

    /// Nested objects of flags, limits and strings, about `bytes` long once printed compactly.
    static func document(bytes: Int, random: inout SeededRandom) -> JSONValue {
        // Just under the limit Clerk keeps, so that every keystroke takes the whole preview path.
        var fields: [String: JSONValue] = [:]
        var index = 0
        while true {
            let inner: [String: JSONValue] = [
                "enabled": .bool(random.next() % 2 == 0),
                "limit": .int(Int64(random.next() % 10_000)),
                "note": .string("value \(random.next() % 1_000_000) for support"),
                "tags": .array([.string("t\(random.next() % 100)"), .string("t\(random.next() % 100)")]),
            ]
            var grown = fields
            grown["feature_\(index)"] = .object(inner)
            if JSONValue.object(grown).jsonText().utf8.count > bytes - 256 { return .object(fields) }
            fields = grown
            index += 1
        }
    }
}
