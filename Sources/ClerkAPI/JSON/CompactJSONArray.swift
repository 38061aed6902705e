import Foundation

/// The elements of a JSON array as the bytes Clerk sent, each on one line, without decoding them.
///
/// Passing users on this way keeps every field exactly as Clerk wrote it (fields this client does
/// not model included) and costs one pass over the bytes instead of a decode and an encode, which
/// is most of the time of a listing of every user.
public struct CompactJSONArray: Sendable {
    /// The array's bytes with the whitespace between tokens removed (strings cannot hold a raw
    /// line break, so each element is then a single line).
    public let bytes: [UInt8]
    /// Where each element lies in `bytes`.
    public let elements: [Range<Int>]

    public var count: Int { elements.count }

    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public init(_ body: Data) throws(Malformed) {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var elements: [Range<Int>] = []
        let scan: Result<Void, Malformed> = body.withUnsafeBytes { raw in
            let input = raw.bindMemory(to: UInt8.self)
            return Self.scan(input, into: &output, elements: &elements)
        }
        if case .failure(let error) = scan { throw error }
        self.bytes = output
        self.elements = elements
    }

    /// The element's bytes.
    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[elements[index]] }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func scan(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], elements: inout [Range<Int>]) -> Result<Void, Malformed> {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, comma: UInt8 = 0x2C
        let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
        var index = 0
        while index < input.count, isSpace(input[index]) { index += 1 }
        guard index < input.count, input[index] == openBracket else { return .failure(Malformed(offset: index, reason: "expected a JSON array")) }
        index += 1
        output.append(openBracket)
        var depth = 0
        var inString = false
        var elementStart: Int?
        while index < input.count {
            let byte = input[index]
            index += 1
            if inString {
                output.append(byte)
                if byte == backslash, index < input.count {
                    output.append(input[index])
                    index += 1
                } else if byte == quote {
                    inString = false
                }
                continue
            }
            if isSpace(byte) { continue }
            if depth == 0, byte == comma || byte == closeBracket {
                guard let start = elementStart else {
                    // `[]` is an empty array; `[,` or `[1,,2]` is not JSON.
                    if byte == closeBracket, elements.isEmpty, output.count == 1 { output.append(byte); return finish(input, from: index) }
                    return .failure(Malformed(offset: index - 1, reason: "expected a value"))
                }
                elements.append(start..<output.count)
                elementStart = nil
                output.append(byte)
                if byte == closeBracket { return finish(input, from: index) }
                continue
            }
            if elementStart == nil { elementStart = output.count }
            switch byte {
            case quote: inString = true
            case openBrace, openBracket: depth += 1
            case closeBrace, closeBracket:
                depth -= 1
                if depth < 0 { return .failure(Malformed(offset: index - 1, reason: "unbalanced bracket")) }
            default: break
            }
            output.append(byte)
        }
        return .failure(Malformed(offset: input.count, reason: "the array is not closed"))
    }

    private static func finish(_ input: UnsafeBufferPointer<UInt8>, from index: Int) -> Result<Void, Malformed> {
        var index = index
        while index < input.count, isSpace(input[index]) { index += 1 }
        return index == input.count ? .success(()) : .failure(Malformed(offset: index, reason: "text after the array"))
    }
}
