import ArgumentParser
import ClerkAPI
import Foundation
import Terminal

/// How users are written on stdout. json and ndjson are Clerk's wire format, so `jq` reads them and
/// `users ban -` takes them back.
enum UserOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case ndjson
    case csv
}

/// Writes users one page at a time, so a walk over every user never holds more than a page.
struct UserWriter {
    let format: UserOutputFormat
    private var written = 0
    private let encoder = WireCoding.encoder

    init(format: UserOutputFormat) {
        self.format = format
    }

    /// The header, or the opening of the JSON array.
    func begin() {
        switch format {
        case .table: Output.write(Self.tableRow(Self.tableHeader) + "\n")
        case .csv: Output.write(Self.csvRow(Self.csvHeader) + "\r\n")
        case .json: Output.write("[")
        case .ndjson: break
        }
    }

    mutating func write(_ users: [User]) throws {
        var text = ""
        for user in users {
            switch format {
            case .table:
                text += Self.tableRow(Self.tableCells(user)) + "\n"
            case .csv:
                text += Self.csvRow(Self.csvCells(user)) + "\r\n"
            case .json:
                text += (written == 0 ? "\n" : ",\n") + (try wire(user))
            case .ndjson:
                text += try wire(user) + "\n"
            }
            written += 1
        }
        if !text.isEmpty { Output.write(text) }
    }

    /// json and ndjson: the users as Clerk sent them, each on one line, never decoded.
    mutating func write(_ users: CompactJSONArray) {
        var out = Data()
        out.reserveCapacity(users.bytes.count + 2 * users.count)
        for index in 0..<users.count {
            switch format {
            case .json: out.append(contentsOf: written == 0 ? [0x0A] : [0x2C, 0x0A])
            case .ndjson, .table, .csv: break
            }
            out.append(contentsOf: users[index])
            if format == .ndjson { out.append(0x0A) }
            written += 1
        }
        if !out.isEmpty { Output.write(bytes: out) }
    }

    /// Whether users can be written as Clerk's bytes, without decoding them.
    var writesWire: Bool { format == .json || format == .ndjson }

    /// Closes the JSON array; an empty list is `[]`.
    func end() {
        if format == .json { Output.write(written == 0 ? "]\n" : "\n]\n") }
    }

    private func wire(_ user: User) throws -> String {
        String(decoding: try encoder.encode(user), as: UTF8.self)
    }

    // MARK: - Table

    private static let tableHeader = ["ID", "EMAIL", "NAME", "STATUS", "CREATED", "LAST ACTIVE"]
    private static let tableWidths = [32, 32, 24, 14, 10, 11]

    private static func tableCells(_ user: User) -> [String] {
        let status = [user.banned ? "banned" : nil, user.locked ? "locked" : nil].compactMap { $0 }.joined(separator: ",")
        return [user.id, user.primaryEmailAddress?.emailAddress ?? "", user.fullName ?? user.username ?? "",
                status.isEmpty ? "active" : status, day(user.createdAt), user.lastActiveAt.map(day) ?? "never"]
    }

    /// Fixed widths (a streamed list cannot measure its rows first), cut with … by display width.
    /// Control characters in users' own text are dropped: they could drive the operator's terminal.
    private static func tableRow(_ cells: [String]) -> String {
        zip(cells, tableWidths).enumerated().map { index, pair in
            let (cell, width) = pair
            let clean = String(String.UnicodeScalarView(cell.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            let fitted = fit(clean, width)
            return index == cells.count - 1 ? fitted : fitted + String(repeating: " ", count: width - DisplayWidth.of(fitted))
        }.joined(separator: "  ")
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = DisplayWidth.of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    private static func day(_ millis: UnixMillis) -> String {
        String(time(millis).prefix(10))
    }

    private static func time(_ millis: UnixMillis) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    // MARK: - CSV

    /// Escape sequences in a user's own text would drive the terminal of whoever `cat`s the file;
    /// line breaks stay (the cell is quoted for them).
    private static func withoutControls(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else { return cell }
        return String(String.UnicodeScalarView(cell.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" }))
    }

    private static func defused(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        let phone = first == "+" && cell.count > 1 && cell.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        return phone ? cell : "'" + cell
    }

    private static let csvHeader = [
        "id", "primary_email_address", "primary_phone_number", "username", "first_name", "last_name", "external_id",
        "banned", "locked", "created_at", "last_active_at", "last_sign_in_at",
    ]

    private static func csvCells(_ user: User) -> [String] {
        [user.id, user.primaryEmailAddress?.emailAddress ?? "", user.primaryPhoneNumber?.phoneNumber ?? "", user.username ?? "",
         user.firstName ?? "", user.lastName ?? "", user.externalID ?? "", user.banned ? "true" : "false",
         user.locked ? "true" : "false", time(user.createdAt), user.lastActiveAt.map(time) ?? "", user.lastSignInAt.map(time) ?? ""]
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A user's own
    /// text starting like a formula (`=`, `+`, `-`, `@`) gets a leading `'`, so a spreadsheet shows it
    /// instead of running it; a phone number (`+` and digits) is left as it is.
    private static func csvRow(_ cells: [String]) -> String {
        cells.map(withoutControls).map(defused).map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
    }
}

extension Output {
    /// Text as is, unbuffered: a page reaches the next command in a pipe as soon as it is read.
    /// When the reader has gone (`| head`), the process ends as any Unix filter does, by SIGPIPE,
    /// which the HTTP client's event loops otherwise leave ignored.
    static func write(_ text: String) {
        write(bytes: Data(text.utf8))
    }

    static func write(bytes: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if underlying?.domain == NSPOSIXErrorDomain, underlying?.code == Int(EPIPE) {
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
            }
            Output.error("Error: cannot write the output: \(error.localizedDescription)")
            exit(1)
        }
    }

    /// One line of data on stdout.
    static func data(_ line: String) {
        write(line + "\n")
    }
}
