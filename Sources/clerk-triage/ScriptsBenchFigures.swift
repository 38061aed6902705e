import Foundation

/// How `bench scripts` turns runs into the figures it prints.
enum ScriptFigures {
    /// `median 1.21 s (1.30, 1.19, 1.21; max 1.30 s)`: the median, each run in order, and the slowest, all in seconds.
    static func times(_ samples: [Duration]) -> String {
        guard !samples.isEmpty else { return "no runs" }
        let each = samples.map { seconds($0) }.joined(separator: ", ")
        return "median \(seconds(median(samples))) s (\(each); max \(seconds(samples.max() ?? .zero)) s)"
    }

    /// `3 runs`, `1 run`
    static func count(_ value: Int, _ noun: String) -> String {
        "\(grouped(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// The middle sample; of an even count, the later of the two middle ones (as `Measurements.median`).
    static func median(_ samples: [Duration]) -> Duration {
        let sorted = samples.sorted()
        return sorted.isEmpty ? .zero : sorted[sorted.count / 2]
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// How many times longer `slower` took than `faster`; nil when either is missing or zero.
    static func ratio(_ slower: Duration, to faster: Duration) -> Double? {
        let (a, b) = (slower / .milliseconds(1), faster / .milliseconds(1))
        guard a > 0, b > 0 else { return nil }
        return a / b
    }

    static func ratioText(_ ratio: Double?) -> String {
        guard let ratio else { return "n/a" }
        return ratio >= 10 ? String(format: "%.1f×", ratio) : String(format: "%.2f×", ratio)
    }

    /// `51.2 MB` from kilobytes (1 MB = 1,024 kB, as /proc counts them).
    static func megabytes(_ kilobytes: Int) -> String {
        String(format: "%.1f MB", Double(kilobytes) / 1024)
    }

    /// One value when every run gave the same, else each in order: `20` or `20, 21, 20`.
    static func sameOrEach(_ values: [Int]) -> String {
        guard let first = values.first else { return "—" }
        return values.allSatisfy { $0 == first } ? grouped(first) : values.map(grouped).joined(separator: ", ")
    }

    /// `50,000`
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Resident memory as the output grew: `10,000: 20.1 MB · 20,000: 20.3 MB …`.
    static func residentAlong(_ samples: [MemorySample]) -> String {
        samples.map { "\(grouped($0.lines)): \(megabytes($0.residentKilobytes))" }.joined(separator: " · ")
    }

    /// The most resident so far at each sample (VmHWM): when the peak was reached.
    static func peakAlong(_ samples: [MemorySample]) -> String {
        samples.map { "\(grouped($0.lines)): \(megabytes($0.peakKilobytes))" }.joined(separator: " · ")
    }

    /// Growth of resident memory from the first sample to the last: flat when under `limit` kilobytes.
    static func growth(_ samples: [MemorySample]) -> Int? {
        guard let first = samples.first, let last = samples.last, samples.count > 1 else { return nil }
        return last.residentKilobytes - first.residentKilobytes
    }

    /// Statuses other than 200 in a run: `429 × 900` or `none`.
    static func refusals(_ statuses: [Int: Int]) -> String {
        let other = statuses.filter { $0.key != 200 }.sorted { $0.key < $1.key }
        return other.isEmpty ? "none" : other.map { "\($0.key) × \(grouped($0.value))" }.joined(separator: ", ")
    }
}
