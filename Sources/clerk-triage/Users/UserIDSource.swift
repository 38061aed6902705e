import ArgumentParser
import ClerkAPI
import Foundation

/// Where the user ids of a command come from: arguments, `-` for stdin, `--ids-from FILE`. A line
/// is either a bare id or a user object (ndjson from `users list`); a JSON array of users (the json
/// format) works too. Blank lines and lines starting with # are skipped; repeats are dropped.
struct UserIDSource {
    var arguments: [String]
    var file: String?

    private struct Identified: Decodable {
        var id: String
    }

    /// The ids in the order given; usage status 2 when none are given or a line cannot be read, and
    /// status 0 with "nothing to do" when stdin or the file given holds none.
    func read() throws -> [String] {
        var ids: [String] = []
        for argument in arguments {
            if argument == "-" {
                ids += try Self.parse(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), from: "stdin")
            } else {
                ids.append(argument)
            }
        }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ScriptExit.fail("cannot read \(file): check the path and its permissions", ScriptExit.usage)
            }
            ids += try Self.parse(String(decoding: data, as: UTF8.self), from: file)
        }
        var seen = Set<String>()
        let unique = ids.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        if unique.isEmpty, arguments.contains("-") || file != nil {
            // An empty pipe is a filter that matched nobody (`users list --banned … | users ban -`):
            // there is nothing to do, which is not an error for the script that ran it.
            Output.error("nothing to do: \(arguments.contains("-") ? "stdin" : file ?? "the file") held no user ids; nothing was sent.")
            throw ExitCode.success
        }
        guard !unique.isEmpty else {
            throw ScriptExit.fail("no user ids given: pass them as arguments, - to read stdin, or --ids-from FILE", ScriptExit.usage)
        }
        return unique
    }

    static func parse(_ text: String, from source: String) throws -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            do {
                return try WireCoding.decoder.decode([Identified].self, from: Data(trimmed.utf8)).map(\.id)
            } catch {
                throw ScriptExit.fail("\(source) is a JSON array but not of users with an \"id\"", ScriptExit.usage)
            }
        }
        var ids: [String] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("{") {
                guard let user = try? WireCoding.decoder.decode(Identified.self, from: Data(line.utf8)) else {
                    throw ScriptExit.fail("\(source) line \(number + 1): a JSON object without an \"id\"", ScriptExit.usage)
                }
                ids.append(user.id)
            } else if line.contains(where: { $0.isWhitespace || $0 == "," }) {
                throw ScriptExit.fail("\(source) line \(number + 1): one user id a line, got '\(line.prefix(60))'", ScriptExit.usage)
            } else {
                ids.append(line)
            }
        }
        return ids
    }
}
