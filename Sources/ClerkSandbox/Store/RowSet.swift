import Foundation

/// A set of user rowids as a bitmap: rowids are dense (SQLite hands them out in sequence), so
/// 100,000 users take 12.5 KB, and SQL tests membership in it directly (`RowSetFunction`).
struct RowSet: Sendable {
    private(set) var words: [UInt64]
    private(set) var count = 0

    /// Room for rowids below `capacity` without growing.
    init(capacity: Int64) {
        words = Array(repeating: 0, count: Int(max(capacity, 0) + 63) / 64)
    }

    func contains(_ rowid: Int64) -> Bool {
        guard rowid >= 0 else { return false }
        let word = Int(rowid >> 6)
        return word < words.count && words[word] & (1 << UInt64(rowid & 63)) != 0
    }

    mutating func insert(_ rowid: Int64) {
        guard rowid >= 0 else { return }
        let word = Int(rowid >> 6)
        if word >= words.count { words += Array(repeating: 0, count: word - words.count + 1) }
        let bit: UInt64 = 1 << UInt64(rowid & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    mutating func formIntersection(_ other: RowSet) {
        count = 0
        for index in words.indices {
            words[index] &= index < other.words.count ? other.words[index] : 0
            count += words[index].nonzeroBitCount
        }
    }

    /// Ascending.
    var rowids: [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                result.append(Int64(index * 64 + remaining.trailingZeroBitCount))
                remaining &= remaining - 1
            }
        }
        return result
    }

    /// The bitmap as bytes, bit `rowid % 8` of byte `rowid / 8`: what `RowSetFunction` reads.
    var bitmap: Data {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}
