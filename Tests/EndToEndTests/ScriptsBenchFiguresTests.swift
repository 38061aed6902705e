@testable import clerk_triage
import Foundation
import Testing

/// The parts of `bench scripts` that turn what the children and the sandbox said into figures.
@Suite("bench scripts: reading the children and printing the figures")
struct ScriptsBenchFiguresTests {
    @Test("resident and peak memory come from /proc/PID/status in kB; a zombie's status has none")
    func memory() {
        let running = """
            Name:\tclerk-triage
            State:\tR (running)
            VmPeak:\t  412000 kB
            VmHWM:\t   31544 kB
            VmRSS:\t   30112 kB
            Threads:\t4
            """
        #expect(MemorySample.parse(running, lines: 20_000) == MemorySample(lines: 20_000, residentKilobytes: 30_112, peakKilobytes: 31_544))
        #expect(MemorySample.parse("Name:\tclerk-triage\nState:\tZ (zombie)\nThreads:\t1\n", lines: 50_000) == nil)
        #expect(MemorySample.parse("VmHWM:\t 1 kB\nVmRSS:\t 2 MB\n", lines: 1) == nil, "only kB is a unit /proc uses")

        let samples = [MemorySample(lines: 10_000, residentKilobytes: 30_000, peakKilobytes: 31_000),
                       MemorySample(lines: 50_000, residentKilobytes: 32_048, peakKilobytes: 33_000)]
        #expect(ScriptFigures.growth(samples) == 2_048)
        #expect(ScriptFigures.growth(Array(samples.prefix(1))) == nil, "one sample shows no growth either way")
        #expect(ScriptFigures.residentAlong(samples) == "10,000: 29.3 MB · 50,000: 31.3 MB")
        #expect(ScriptFigures.peakAlong(samples) == "10,000: 30.3 MB · 50,000: 32.2 MB")
    }

    @Test("the SDK script's summary is the last JSON line of its stderr, after anything Python printed before it")
    func summary() throws {
        let stderr = """
            /venv/lib/python3.11/site-packages/x.py:1: DeprecationWarning: something
            {"users": 2, "banned": 1}
            {"users": 1000, "banned": 100, "failed": 900, "failures": {"SDKError 429": 899, "SDKError 404": 1}}

            """
        let summary = try #require(SDKSummary.parse(stderr: stderr))
        #expect(summary.users == 1000 && summary.banned == 100 && summary.failed == 900)
        #expect(summary.failureKinds == "SDKError 429 × 899, SDKError 404 × 1")
        #expect(SDKSummary.parse(stderr: "Traceback (most recent call last):\n  KeyError: 'CLERK_SECRET_KEY'\n") == nil)
        #expect(SDKSummary.parse(stderr: #"{"users": 50000, "pages": 101}"#)?.failureKinds == "none")
    }

    @Test("times print the median, each run in order and the slowest; the ratio is of medians")
    func times() {
        let runs: [Duration] = [.milliseconds(1_300), .milliseconds(1_190), .milliseconds(1_210)]
        #expect(ScriptFigures.times(runs) == "median 1.21 s (1.30, 1.19, 1.21; max 1.30 s)")
        #expect(ScriptFigures.times([.milliseconds(342)]) == "median 0.34 s (0.34; max 0.34 s)")
        #expect(ScriptFigures.times([]) == "no runs")
        #expect(ScriptFigures.count(1, "run") == "1 run" && ScriptFigures.count(3, "run") == "3 runs")
        #expect(ScriptFigures.median([.seconds(4), .seconds(1)]) == .seconds(4))
        let ratio = ScriptFigures.ratio(.seconds(30), to: .milliseconds(1_200))
        #expect(ratio.map { abs($0 - 25) < 0.0001 } == true)
        #expect(ScriptFigures.ratioText(ratio) == "25.0×")
        #expect(ScriptFigures.ratioText(4.996) == "5.00×")
        #expect(ScriptFigures.ratioText(4.96) == "4.96×", "just under the goal must not print as the goal")
        #expect(ScriptFigures.ratioText(ScriptFigures.ratio(.seconds(1), to: .zero)) == "n/a")
    }

    @Test("counts: grouped by thousands, one value when every run agrees, refusals other than 200")
    func counts() {
        #expect(ScriptFigures.grouped(50_000) == "50,000")
        #expect(ScriptFigures.grouped(999) == "999")
        #expect(ScriptFigures.grouped(1_234_567) == "1,234,567")
        #expect(ScriptFigures.grouped(-1_000) == "-1,000")
        #expect(ScriptFigures.sameOrEach([20, 20, 20]) == "20")
        #expect(ScriptFigures.sameOrEach([1_000, 1_001]) == "1,000, 1,001")
        #expect(ScriptFigures.sameOrEach([]) == "—")
        #expect(ScriptFigures.refusals([200: 100, 429: 900, 404: 1]) == "404 × 1, 429 × 900")
        #expect(ScriptFigures.refusals([200: 101]) == "none")
        #expect(ScriptFigures.megabytes(52_224) == "51.0 MB")
    }

    @Test("the SDK scripts are found in ./scripts, else above the binary; an explicit directory is the only one looked in")
    func scriptsDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-scripts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/scripts/bench", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/scripts/" + SDKSide.listScript, contents: Data())
        let binary = root + "/.build/x86_64-unknown-linux-gnu/release/clerk-triage"
        #expect(SDKSide.scriptsDirectory(explicit: nil, executable: binary, workingDirectory: root + "/elsewhere") == root + "/scripts")
        #expect(SDKSide.scriptsDirectory(explicit: nil, executable: "/nowhere/bin/clerk-triage", workingDirectory: root) == root + "/scripts")
        #expect(SDKSide.scriptsDirectory(explicit: nil, executable: "/nowhere/bin/clerk-triage", workingDirectory: root + "/elsewhere") == nil)
        #expect(SDKSide.scriptsDirectory(explicit: root + "/scripts", executable: "/nowhere/clerk-triage") == root + "/scripts")
        #expect(SDKSide.scriptsDirectory(explicit: root + "/elsewhere", executable: binary, workingDirectory: root) == nil)
    }

    @Test("a child starts with no signal blocked or ignored, and its exit status and peak memory come back")
    func child() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bench-child-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let cat = try BenchChild.start(["/bin/cat", "/proc/self/status"], environment: [:], stdout: .file(output))
        #expect(await cat.wait().status == 0)
        let status = try String(contentsOfFile: output, encoding: .utf8)
        // Swift concurrency's threads block signals, and sigfillset leaves glibc's own two out: the
        // child must not inherit the one nor ignore the other.
        #expect(status.contains("SigBlk:\t0000000000000000"), "\(status)")
        #expect(status.contains("SigIgn:\t0000000000000000"), "\(status)")

        let failing = try BenchChild.start(["/bin/sh", "-c", "exit 3"], environment: [:])
        #expect(await failing.wait().status == 3)
        let sleeper = try BenchChild.start(["/bin/sh", "-c", "exec sleep 0.3"], environment: [:])
        let exit = await sleeper.wait()
        #expect(exit.status == 0 && exit.elapsed >= .milliseconds(300))
        #expect(exit.peakRSSKilobytes > 0 && exit.peakRSSKilobytes < 64 * 1024, "a shell's own peak, not this process's: \(exit.peakRSSKilobytes) kB")
    }
}
