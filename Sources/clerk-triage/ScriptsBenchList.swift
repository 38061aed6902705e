import ClerkAPI
import Foundation

/// Every user of the sandbox as ndjson to /dev/null, ours against the SDK's script, run in turn so
/// that both meet the same machine; then one more run of ours into a pipe, watching its memory.
struct ListFigures {
    let runner: ScriptRunner
    let users: Int
    let runs: Int

    static let ratioGoal = 5.0
    /// Resident memory may grow by this much from the first 10,000 users printed to the last.
    static let flatGoalKilobytes = 5 * 1024
    /// Every 10,000 users, or often enough to see five samples in a smaller sandbox.
    var sampleEvery: Int { max(1, min(10_000, users / 5)) }

    func measure() async throws -> [FigureTable.Row] {
        let served = try await served()
        Output.line("list: every page fetched by offset and not decoded (the sandbox's part): \(Measurements.format(served))")
        var ours: [ScriptRun] = []
        var theirs: [ScriptRun] = []
        for run in 1...runs {
            let mine = try await runner.run(.clerkTriage, .listAll)
            try check(mine, .clerkTriage)
            ours.append(mine)
            var said = "list --all, run \(run): clerk-triage \(Measurements.format(mine.exit.elapsed)), \(mine.sent.requests) requests"
            if runner.sdkReady {
                let sdk = try await runner.run(.sdk, .listAll)
                try check(sdk, .sdk)
                theirs.append(sdk)
                said += "; Python SDK \(Measurements.format(sdk.exit.elapsed)), \(sdk.sent.requests) requests"
            }
            Output.line(said)
        }
        return rows(ours, theirs, served: served) + (try await memory())
    }

    /// Every page's bytes fetched from this process and thrown away: what serving the users costs
    /// the sandbox, so that the rest of each contender's time is its own.
    private func served() async throws -> Duration {
        let transport = AsyncHTTPClientTransport()
        let started = ContinuousClock.now
        for offset in stride(from: 0, to: users, by: 500) {
            let response = try await transport.send(TransportRequest(
                method: .get, url: "\(runner.control.baseURL)/users?limit=500&offset=\(offset)",
                headers: [HTTPHeader("Authorization", "Bearer \(runner.control.key)")], body: nil, timeout: .seconds(30)))
            guard response.status == 200 else { throw OperatorError("GET /users?offset=\(offset) answered \(response.status)") }
        }
        return started.duration(to: .now)
    }

    private func check(_ run: ScriptRun, _ contender: Contender) throws {
        guard run.exit.status == 0, run.sent.statuses.keys.allSatisfy({ $0 == 200 }) else {
            throw OperatorError("\(contender.rawValue) failed to list the users (exit \(run.exit.status), answers \(ScriptFigures.refusals(run.sent.statuses))): \(run.stderr)")
        }
        if contender == .sdk, run.summary?.users != users {
            throw OperatorError("the SDK's script listed \(run.summary?.users.description ?? "an unknown number of") users, not \(users): \(run.stderr)")
        }
    }

    private func rows(_ ours: [ScriptRun], _ theirs: [ScriptRun], served: Duration) -> [FigureTable.Row] {
        let title = "users list --all, \(ScriptFigures.grouped(users)) users, ndjson > /dev/null, \(ScriptFigures.count(runs, "run"))"
        var rows: [FigureTable.Row] = [
            .init(figure: title, measured: "", goal: "", met: nil),
            .init(figure: "  the sandbox's part: every page's bytes, not decoded", measured: "\(ScriptFigures.seconds(served)) s", goal: "", met: nil),
            .init(figure: "  clerk-triage: time", measured: ScriptFigures.times(ours.map(\.exit.elapsed)), goal: "", met: nil),
        ]
        let requests = "  requests per run, clerk-triage" + (theirs.isEmpty ? "" : " / SDK")
        let peak = "  peak RSS (VmHWM), largest run, clerk-triage" + (theirs.isEmpty ? "" : " / SDK")
        var requestCounts = ScriptFigures.sameOrEach(ours.map(\.sent.requests))
        var peaks = ScriptFigures.megabytes(ours.map(\.exit.peakRSSKilobytes).max() ?? 0)
        if !theirs.isEmpty {
            let ratio = ScriptFigures.ratio(ScriptFigures.median(theirs.map(\.exit.elapsed)), to: ScriptFigures.median(ours.map(\.exit.elapsed)))
            rows.append(.init(figure: "  Python SDK: time", measured: ScriptFigures.times(theirs.map(\.exit.elapsed)), goal: "", met: nil))
            rows.append(.init(figure: "  SDK ÷ clerk-triage, medians", measured: ScriptFigures.ratioText(ratio),
                              goal: "≥ 5×", met: ratio.map { $0 >= Self.ratioGoal }))
            requestCounts += " / " + ScriptFigures.sameOrEach(theirs.map(\.sent.requests))
            peaks += " / " + ScriptFigures.megabytes(theirs.map(\.exit.peakRSSKilobytes).max() ?? 0)
        }
        rows.append(.init(figure: requests, measured: requestCounts, goal: "", met: nil))
        rows.append(.init(figure: peak, measured: peaks, goal: "", met: nil))
        return rows
    }

    /// Our listing into a pipe this process reads, counting users and noting the child's resident
    /// memory every 10,000 users, and its peak until it exited.
    private func memory() async throws -> [FigureTable.Row] {
        let child = try BenchChild.start(try runner.arguments(.clerkTriage, .listAll), environment: try runner.environment(.clerkTriage), stdout: .pipe)
        // Read to the end before reaping, so the pid /proc is read for is still this child's.
        let (lines, samples) = await child.readLines(sampleEvery: sampleEvery)
        let exit = await child.wait()
        guard exit.status == 0, lines == users else {
            throw OperatorError("users list --all into a pipe printed \(lines) of \(users) users and ended with status \(exit.status)")
        }
        let growth = ScriptFigures.growth(samples)
        let span = samples.first.flatMap { first in samples.last.map { "from \(ScriptFigures.grouped(first.lines)) to \(ScriptFigures.grouped($0.lines)) users" } } ?? ""
        Output.line("users list --all into a pipe: resident \(ScriptFigures.residentAlong(samples)); peak so far \(ScriptFigures.peakAlong(samples)); "
            + "peak \(ScriptFigures.megabytes(exit.peakRSSKilobytes))")
        return [
            .init(figure: "  RSS while streaming, every \(ScriptFigures.grouped(sampleEvery)) users", measured: samples.isEmpty ? "not sampled" : ScriptFigures.residentAlong(samples), goal: "", met: nil),
            .init(figure: "  peak so far (VmHWM) at the same points", measured: samples.isEmpty ? "not sampled" : ScriptFigures.peakAlong(samples), goal: "", met: nil),
            .init(figure: "  RSS growth \(span)", measured: growth.map { ScriptFigures.megabytes($0) } ?? "n/a",
                  goal: "< \(ScriptFigures.megabytes(Self.flatGoalKilobytes))", met: growth.map { $0 < Self.flatGoalKilobytes }),
            .init(figure: "  peak RSS of that run (VmHWM until it exited)", measured: ScriptFigures.megabytes(exit.peakRSSKilobytes), goal: "", met: nil),
        ]
    }
}
