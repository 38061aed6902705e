import Foundation

/// Asks on the terminal itself, never on stdin, which may be carrying the user ids.
enum ProductionConfirmation {
    static func ask(_ question: String, count: Int) throws {
        guard let terminal = FileHandle(forUpdatingAtPath: "/dev/tty") else {
            throw ScriptExit.fail("\(question) There is no terminal to confirm on: pass --yes to go ahead. Nothing was sent.", ScriptExit.usage)
        }
        defer { try? terminal.close() }
        terminal.write(Data("\(question) Type \(count) to go ahead: ".utf8))
        var answer = Data()
        while let byte = try? terminal.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            answer.append(first)
        }
        guard String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespaces) == String(count) else {
            throw ScriptExit.fail("not confirmed; nothing was sent.", ScriptExit.usage)
        }
    }
}
