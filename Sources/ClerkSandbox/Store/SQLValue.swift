import GRDB

/// A value for one SQL parameter, typed so that both GRDB and the bulk loader's C binding can take it.
enum SQLValue: Sendable {
    case text(String?)
    case integer(Int64?)

    static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }

    var databaseValue: (any DatabaseValueConvertible)? {
        switch self {
        case .text(let text): text
        case .integer(let integer): integer
        }
    }
}

extension StatementArguments {
    init(_ values: [SQLValue]) {
        self.init(values.map(\.databaseValue))
    }
}
