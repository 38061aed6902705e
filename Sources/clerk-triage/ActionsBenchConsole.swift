import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation
import Terminal
import Triage

/// From the confirming Enter to a rendered screen whose row for that user shows the command queued,
/// on a page of sandbox users at 120×40: what the console does before it draws.
enum ConfirmFigures {
    static let goal = Duration.milliseconds(16)

    static func measure(page: [User], total: Int, confirmations: Int, seed: UInt64) throws -> [FigureTable.Row] {
        let theme = (try? ThemeCatalog.standard(environment: [:], executablePath: CommandLine.arguments[0]).load("dark")) ?? .monochrome
        var model = TriageModel(instance: Instance(kind: .sandbox, baseURL: "http://127.0.0.1:9/v1", maskedKey: SecretKey(ActionsBench.key).masked),
                                theme: theme, size: Size(width: 120, height: 40), now: Date().unixMillis)
        _ = TriageUpdate.start(&model)
        let shown = Array(page.prefix(model.pageSize))
        _ = TriageUpdate.update(&model, .countLoaded(generation: model.browse.generation, .success(total)))
        _ = TriageUpdate.update(&model, .pageLoaded(generation: model.browse.generation, key: .init(offset: 0, limit: model.pageSize),
                                                    prefetch: false, .success(shown)))
        let candidates = shown.indices.filter { !shown[$0].locked && !shown[$0].banned }
        guard !candidates.isEmpty else { throw OperatorError("the drawn page has no user to lock") }
        var random = SeededRandom(seed: seed)
        var samples: [Duration] = []
        var firstRow: Int?
        var wrong = 0
        for _ in 0..<confirmations {
            guard let row = candidates.randomElement(using: &random) else { break }
            model.browse.selection = row
            _ = TriageUpdate.update(&model, .key(.character("L")))
            guard case .dialog = model.overlay else { throw OperatorError("L opened no dialog: \(model.status?.text ?? "")") }
            _ = TriageUpdate.update(&model, .key(.tab))
            let started = ContinuousClock.now
            let effects = TriageUpdate.update(&model, .key(.enter))
            let rows = TriageView.render(model).rows
            let lineIndex = rows.firstIndex { $0.contains("lock queued") }
            samples.append(started.duration(to: .now))
            let top = firstRow ?? lineIndex.map { $0 - row }
            firstRow = top
            guard let command = effects.compactMap({ if case .enqueue(let command) = $0 { command } else { nil } }).first else {
                throw OperatorError("Enter queued nothing")
            }
            if lineIndex == nil || lineIndex != top.map({ $0 + row }) || command.userIDs != [shown[row].id] { wrong += 1 }
            // The queue's answer, so the next confirmation on this user starts from "lock ✓".
            _ = TriageUpdate.update(&model, .command(.finished(command, CommandResult(users: [shown[row]]))))
        }
        Output.line("confirm → row shows queued (update + render, 120×40, \(shown.count) sandbox users, \(model.queue.entries.count) commands in the session): \(Measurements.summary(samples))")
        let p95 = nearestRankPercentile(samples, 0.95)
        return [
            .init(figure: "confirm Enter → row shows queued, p95 (max)", measured: "\(Measurements.format(p95)) (\(Measurements.format(samples.max() ?? .zero)))",
                  goal: "p95 < 16 ms", met: p95 < goal && wrong == 0),
            .init(figure: "  confirmations whose row did not show it", measured: "\(wrong) of \(samples.count)", goal: "0", met: wrong == 0),
        ]
    }
}

/// Journal appends (encode, write, fsync) in the state directory where the journal really lives,
/// under a private XDG_STATE_HOME.
enum JournalFigures {
    static func measure(appends: Int, scratch: PrivateDirectory, configuration: ClerkConfiguration) throws -> [FigureTable.Row] {
        let home = try scratch.subdirectory("journal")
        let result: JournalBenchmarkResult
        do {
            let state = try StateDirectory.prepare(environment: ["XDG_STATE_HOME": home])
            let directory = try state.instanceDirectory(for: InstanceIdentity(configuration: configuration))
            result = try JournalBenchmark.measureAppends(count: appends, in: directory)
        } catch {
            throw OperatorError("cannot measure the journal: \(error)")
        }
        Output.line("journal append with fsync (\(home)/clerk-triage/…): \(Measurements.summary(result.durations))")
        return [.init(figure: "journal append + fsync, p95 (max)", measured: "\(Measurements.format(result.p95)) (\(Measurements.format(result.slowest)))", goal: "", met: nil)]
    }
}
