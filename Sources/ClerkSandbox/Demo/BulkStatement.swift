import GRDB
import GRDBSQLite

/// A prepared insert bound and stepped through SQLite's C interface, for the bulk load only.
/// GRDB's general argument handling (arrays of existential values, conversions, checks) was a
/// quarter of the single writer's time when loading demo users.
struct BulkStatement {
    private let statement: Statement
    private let connection: OpaquePointer?

    init(_ sql: String, in db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// Binds the parameters in order, then runs the statement once.
    func execute(_ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
    }

    struct Binder {
        private let handle: OpaquePointer
        private var index: Int32 = 1
        /// SQLite copies the text before the call returns (SQLITE_TRANSIENT).
        private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

        init(handle: OpaquePointer) {
            self.handle = handle
        }

        mutating func add(_ values: [SQLValue]) {
            for value in values {
                switch value {
                case .text(let text): add(text)
                case .integer(let integer): add(integer)
                }
            }
        }

        mutating func add(_ value: Int64?) {
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
            index += 1
        }

        mutating func add(_ value: String?) {
            if var value {
                value.withUTF8 { bytes in
                    // A nil base address would bind NULL; an empty text must stay an empty text.
                    let start = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    if let start, !bytes.isEmpty {
                        _ = sqlite3_bind_text(handle, index, start, Int32(bytes.count), Self.transient)
                    } else {
                        _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    }
                }
            } else {
                sqlite3_bind_null(handle, index)
            }
            index += 1
        }
    }
}
