/// Lower-case hexadecimal text for digests and codes. `String(format: "%02x")` per byte goes
/// through Foundation's formatter and was a tenth of demo generation's time.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `value` as exactly `width` hex digits, zero-padded (high digits dropped beyond `width`).
    static func encode(_ value: UInt32, width: Int) -> String {
        let digits = (0..<width).reversed().map { Self.digits[Int((value >> (4 * UInt32($0))) & 0x0F)] }
        return String(decoding: digits, as: UTF8.self)
    }
}
