import Foundation

/// How the benchmarks print their figures.
enum Measurements {
    /// `n=… p50=… p95=… max=…`
    static func summary(_ samples: [Duration]) -> String {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return "n=0" }
        func percentile(_ p: Double) -> Duration { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return "n=\(sorted.count) p50=\(format(percentile(0.5))) p95=\(format(percentile(0.95))) max=\(format(sorted.last ?? .zero))"
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds >= 1000 ? String(format: "%.2f s", milliseconds / 1000) : String(format: "%.1f ms", milliseconds)
    }

    static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
