import ArgumentParser
import ClerkAPI
import Foundation

/// `users list`: one page, or with `--all` every page, written as it arrives.
struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List users matching the filters, in the order asked.",
        discussion: "json and ndjson are Clerk's own user objects (for jq, and for `users ban -`). --all walks every page, 500 users a request.")

    @OptionGroup var connection: UsersConnectionOptions
    @OptionGroup(title: "Filters") var filters: UserFilterOptions

    @Option(name: .customLong("order-by"), help: "created_at, updated_at, email_address, web3wallet, first_name, last_name, phone_number, username, last_active_at or last_sign_in_at; prefix - for descending, + for ascending (default -created_at).")
    var orderBy = UserOrder.newestFirst.description

    @Option(help: "Users to list, 1–500 (default 10).")
    var limit: Int?

    @Option(help: "Users to skip first.")
    var offset: Int?

    @Flag(help: "Every matching user, page by page (not with --limit or --offset).")
    var all = false

    @Option(help: "table, json, ndjson or csv.")
    var format = UserOutputFormat.table

    static let pageSize = 500

    func validate() throws {
        guard UserOrder(wire: orderBy) != nil else {
            throw ValidationError("--order-by: '\(orderBy)' is not one of \(UserOrder.Field.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if all, limit != nil || offset != nil { throw ValidationError("--all lists every user; leave out --limit and --offset") }
        if let limit, !UserListQuery.limitRange.contains(limit) { throw ValidationError("--limit must be between 1 and 500 (use --all for more)") }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more") }
    }

    func run() async throws {
        let users = try connection.client().users
        let filter = try filters.filter()
        let order = UserOrder(wire: orderBy) ?? .newestFirst
        var writer = UserWriter(format: format)
        writer.begin()
        do {
            if all {
                try await walk(users, filter: filter, order: order, writer: &writer)
            } else {
                let query = UserListQuery(filter: filter, order: order, limit: limit ?? 10, offset: offset ?? 0)
                let count = try await page(users, query, writer: &writer).count
                // A full page usually means more users match; a script piping this on should know.
                if count == query.limit {
                    Output.error("Listed \(count) user\(count == 1 ? "" : "s"), one page; more may match: --all lists every one.")
                }
            }
        } catch let error as ClerkAPIError {
            writer.end()
            ScriptExit.report(error)
            throw ScriptExit.code(for: error)
        }
        writer.end()
    }

    /// Newest- or oldest-first walks use Clerk's `starting_after` cursor, which costs the same at
    /// any depth; other orders page by offset.
    private func walk(_ users: UsersClient, filter: UserFilter, order: UserOrder, writer: inout UserWriter) async throws {
        var offset = 0
        var cursor: String?
        let useCursor = order == .newestFirst
        while true {
            let query = UserListQuery(filter: filter, order: order, limit: Self.pageSize, offset: useCursor ? 0 : offset, startingAfter: cursor)
            let written = try await page(users, query, writer: &writer)
            guard written.count == Self.pageSize, let last = written.lastID else { return }
            offset += written.count
            cursor = useCursor ? last : nil
        }
    }

    /// One page written out: json and ndjson pass Clerk's bytes on (a decode and an encode were
    /// nine tenths of a listing's time, and fields this client does not know would be lost); the
    /// table and csv need the fields.
    private func page(_ users: UsersClient, _ query: UserListQuery, writer: inout UserWriter) async throws -> (count: Int, lastID: String?) {
        if writer.writesWire {
            let page = try await users.listWire(query)
            writer.write(page.users)
            return (page.users.count, page.lastID)
        }
        let page = try await users.list(query)
        try writer.write(page)
        return (page.count, page.last?.id)
    }
}
