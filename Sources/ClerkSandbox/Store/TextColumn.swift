import Foundation

/// One searchable field of every user (names, or emails, …) as lower-cased values laid end to
/// end in one buffer, each value with its owner's rowid.
///
/// A search looks for the needle's rarest byte with `memchr` and compares the whole needle only
/// there: 15 MB of addresses are searched in 1–7 ms, with no index to build or keep in step,
/// and any text matches however short. SQLite's own scan (instr per row) took 80–90 ms.
struct TextColumn: Sendable {
    private var bytes: [UInt8] = []
    /// Where each value starts; one more entry than values, the last being `bytes.count`.
    private var starts: [Int] = [0]
    private var owners: [Int64] = []
    /// How often each byte occurs, to pick the needle's rarest byte.
    private var frequency = [Int](repeating: 0, count: 256)

    var valueCount: Int { owners.count }
    var largestRowid: Int64 { owners.max() ?? 0 }

    mutating func append(_ value: String, owner: Int64) {
        var value = value
        value.withUTF8 { append($0, owner: owner) }
    }

    /// `value` must be lower-cased UTF-8.
    mutating func append(_ value: some Collection<UInt8>, owner: Int64) {
        bytes.append(contentsOf: value)
        for byte in value { frequency[Int(byte)] += 1 }
        starts.append(bytes.count)
        owners.append(owner)
    }

    /// The values of every owner `keep` accepts, in the same order.
    func filter(_ keep: (Int64) -> Bool) -> TextColumn {
        var kept = TextColumn()
        kept.bytes.reserveCapacity(bytes.count)
        for index in owners.indices where keep(owners[index]) {
            kept.starts.append(kept.starts[kept.starts.count - 1] + starts[index + 1] - starts[index])
            kept.owners.append(owners[index])
            kept.bytes.append(contentsOf: bytes[starts[index]..<starts[index + 1]])
        }
        for byte in kept.bytes { kept.frequency[Int(byte)] += 1 }
        return kept
    }

    /// Adds to `found` the owner of every value containing `needle` (lower-cased UTF-8), leaving
    /// out owners `skip` accepts (their values here are out of date).
    func search(_ needle: [UInt8], into found: inout RowSet, skip: (Int64) -> Bool) {
        guard !needle.isEmpty, !owners.isEmpty else { return }
        // The needle's rarest byte, and where in the needle it sits.
        var pivot = 0
        for index in needle.indices where frequency[Int(needle[index])] < frequency[Int(needle[pivot])] { pivot = index }
        guard frequency[Int(needle[pivot])] > 0 else { return }
        let target = Int32(needle[pivot])
        bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = buffer.baseAddress, let patternBase = pattern.baseAddress else { return }
                let end = buffer.count
                var position = pivot
                var value = 0
                while position < end {
                    guard let hit = memchr(base + position, target, end - position) else { return }
                    let pivotAt = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    let start = pivotAt - pivot
                    while starts[value + 1] <= start { value += 1 }
                    let owner = owners[value]
                    if found.contains(owner) || skip(owner) {
                        // Nothing more to learn from this owner's values here.
                        position = nextOwner(after: value) + pivot
                        continue
                    }
                    if start + needle.count <= starts[value + 1], memcmp(base + start, patternBase, needle.count) == 0 {
                        found.insert(owner)
                        position = nextOwner(after: value) + pivot
                    } else {
                        position = pivotAt + 1
                    }
                }
            }
        }
    }

    /// The start of the first value after `value` that belongs to someone else (values of one
    /// owner are usually adjacent).
    private func nextOwner(after value: Int) -> Int {
        var next = value + 1
        while next < owners.count, owners[next] == owners[value] { next += 1 }
        return starts[next]
    }
}
