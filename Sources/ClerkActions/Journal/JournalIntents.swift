import Foundation

extension Journal {
    /// Every command the journal at `path` records as confirmed (an intent line), in the order
    /// given, read without taking the journal over: what a check after a restart compares the
    /// instance with. A line cut short by a kill is skipped, as opening the journal would.
    public static func intents(path: String) throws(JournalError) -> [Command] {
        let data: Data
        do {
            guard let file = try SecureFile.openForReading(path) else { return [] }
            data = try file.readAll()
        } catch {
            throw .file(error)
        }
        let decoder = JournalCoding.decoder
        var commands: [Command] = []
        var seen = Set<UUID>()
        for bytes in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard let line = try? decoder.decode(JournalLine.self, from: bytes), line.kind == .intent,
                let command = line.command, seen.insert(command.id).inserted
            else { continue }
            commands.append(command)
        }
        return commands
    }
}
