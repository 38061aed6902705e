import GRDB
import GRDBSQLite

/// `sandbox_in_rows(bitmap, rowid)`: whether `rowid` is in a `RowSet.bitmap` bound as a parameter.
/// Registered through SQLite's C interface because it runs once per walked user: the bitmap is
/// read where SQLite keeps it, where a GRDB function would copy it into `Data` on every call.
enum RowSetFunction {
    static let name = "sandbox_in_rows"

    static func register(in db: Database) throws {
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, _, arguments in
                guard let arguments else { return sqlite3_result_int(context, 0) }
                let rowid = sqlite3_value_int64(arguments[1])
                // sqlite3_value_bytes after sqlite3_value_blob, as SQLite's documentation asks.
                let bitmap = sqlite3_value_blob(arguments[0])
                let size = Int64(sqlite3_value_bytes(arguments[0]))
                guard let bitmap, rowid >= 0, rowid >> 3 < size else { return sqlite3_result_int(context, 0) }
                let byte = bitmap.load(fromByteOffset: Int(rowid >> 3), as: UInt8.self)
                sqlite3_result_int(context, Int32((byte >> UInt8(rowid & 7)) & 1))
            }, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "could not register \(name)")
        }
    }
}
