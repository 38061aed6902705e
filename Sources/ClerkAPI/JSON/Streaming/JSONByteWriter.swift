/// The output of `StreamingJSONEncoder`: UTF-8 bytes appended in order, one buffer for a whole document.
final class JSONByteWriter {
    /// Unchecked: one encoder owns a writer and appends from one thread, and dynamic exclusivity
    /// checks on every appended byte showed in profiles.
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Set when a value asked for something only a tree of values can write.
    var needsTree = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    func append(ascii text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func append(bool: Bool) {
        if bool { append(ascii: "true") } else { append(ascii: "false") }
    }

    func append(number: some BinaryInteger & CustomStringConvertible) {
        bytes.append(contentsOf: number.description.utf8)
    }

    /// As Foundation writes floating point numbers: the shortest text that reads back as the same
    /// value of that type (a `Float` 0.1 is "0.1", not the Double "0.10000000149011612"), without ".0".
    func append<Number: BinaryFloatingPoint & CustomStringConvertible>(double: Number) throws {
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, EncodingError.Context(codingPath: [], debugDescription: "\(double) is not representable in JSON."))
        }
        var text = double.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; "/" and non-ASCII left as they are.
    func append(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append(ascii: "\\\"")
        case UInt8(ascii: "\\"): append(ascii: "\\\\")
        case 0x0A: append(ascii: "\\n")
        case 0x0D: append(ascii: "\\r")
        case 0x09: append(ascii: "\\t")
        case 0x08: append(ascii: "\\b")
        case 0x0C: append(ascii: "\\f")
        default:
            let hex = Array("0123456789abcdef".utf8)
            append(ascii: "\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
