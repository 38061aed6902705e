/// A strict RFC 8259 parser over Unicode scalars that reports where it stopped as a line and
/// column in `Character`s.
///
/// Foundation's decoder reports failures as prose without a usable position; the metadata editor
/// must point at the exact character, so parsing lives here.
struct JSONTextParser {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    private static let maxDepth = 512

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < scalars.count {
            throw failure("unexpected '\(scalars[index])' after the end of the value")
        }
        return value
    }

    private func failure(_ reason: String) -> JSONParseError {
        failure(reason, at: index)
    }

    /// Positions count what the text editor and the operator count: `Character`s (an emoji, or a
    /// letter with a combining accent, is one), with lines split at "\n" as the editor splits
    /// them. Worked out only when parsing fails, by walking the text once up to the failure.
    private func failure(_ reason: String, at scalarOffset: Int) -> JSONParseError {
        var line = 1
        var column = 1
        var scalarsBefore = 0
        for character in text {
            let size = character.unicodeScalars.count
            // The character holding the failing scalar is where the cursor goes.
            if scalarsBefore + size > scalarOffset { break }
            scalarsBefore += size
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONParseError(line: line, column: column, reason: reason)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        index += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(JSONParseError) {
        guard current == scalar else {
            throw failure(current.map { "expected \(what), found '\($0)'" } ?? "expected \(what), found the end of the text")
        }
        advance()
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let scalar = current else { throw failure("expected a value, found the end of the text") }
        switch scalar {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return .string(try parseString())
        case "t": try parseLiteral("true"); return .bool(true)
        case "f": try parseLiteral("false"); return .bool(false)
        case "n": try parseLiteral("null"); return .null
        case "-", "0"..."9": return try parseNumber()
        default: throw failure("expected a value, found '\(scalar)'")
        }
    }

    private mutating func parseLiteral(_ word: String) throws(JSONParseError) {
        let start = index
        for expected in word.unicodeScalars {
            guard current == expected else { throw failure("expected '\(word)'", at: start) }
            advance()
        }
    }

    private mutating func nest() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        advance()
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if current == "}" {
            advance()
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else {
                throw failure(current.map { "expected a quoted key, found '\($0)'" } ?? "unterminated object")
            }
            let key = try parseString()
            skipWhitespace()
            try expect(":", "':' after the key \"\(key)\"")
            skipWhitespace()
            fields[key] = try parseValue()
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("}", "',' or '}'")
            return .object(fields)
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        advance()
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == "]" {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("]", "',' or ']'")
            return .array(elements)
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure("unterminated string") }
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                advance()
                result.append(try parseEscape())
            case "\u{0}"..."\u{1F}":
                throw failure("control character U+\(String(scalar.value, radix: 16, uppercase: true)) inside a string must be escaped")
            default:
                result.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        guard let scalar = current else { throw failure("unterminated escape") }
        advance()
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard current == "\\" else { throw failure("lone high surrogate \\u\(String(high, radix: 16))") }
                advance()
                try expect("u", "a low surrogate escape")
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate") }
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let result = Unicode.Scalar(combined) else { throw failure("invalid surrogate pair") }
                return result
            }
            guard let result = Unicode.Scalar(high) else { throw failure("lone low surrogate") }
            return result
        default:
            throw failure("invalid escape '\\\(scalar)'")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Self.hexDigit(scalar) else {
                throw failure("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var text = ""
        var isInteger = true
        func take(_ parser: inout JSONTextParser, _ text: inout String) {
            if let scalar = parser.current { text.unicodeScalars.append(scalar) }
            parser.advance()
        }
        if current == "-" { take(&self, &text) }
        guard let first = current, ("0"..."9").contains(first) else { throw failure("expected a digit") }
        if first == "0" {
            take(&self, &text)
        } else {
            while let scalar = current, ("0"..."9").contains(scalar) { take(&self, &text) }
        }
        if current == "." {
            isInteger = false
            take(&self, &text)
            guard let scalar = current, ("0"..."9").contains(scalar) else { throw failure("expected a digit after '.'") }
            while let scalar = current, ("0"..."9").contains(scalar) { take(&self, &text) }
        }
        if current == "e" || current == "E" {
            isInteger = false
            take(&self, &text)
            if current == "+" || current == "-" { take(&self, &text) }
            guard let scalar = current, ("0"..."9").contains(scalar) else { throw failure("expected a digit in the exponent") }
            while let scalar = current, ("0"..."9").contains(scalar) { take(&self, &text) }
        }
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else {
            throw failure("number \(text) is out of range", at: start)
        }
        return .double(value)
    }
}
