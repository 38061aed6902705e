import ClerkAPI
import Foundation
import GRDB

/// The lists that hang off a user: organisations, invitations, trusted devices, OAuth tokens.
extension UserDirectory {
    /// Stored documents of one page, and the total.
    struct Page: Sendable {
        var documents: [String]
        var totalCount: Int

        /// `{"data":[…],"total_count":N}` built from stored JSON without re-encoding.
        var json: String { #"{"data":[\#(documents.joined(separator: ","))],"total_count":\#(totalCount)}"# }
    }

    func memberships(_ id: String, limit: Int, offset: Int) async throws -> Page {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            let docs = try String.fetchAll(db, sql: "SELECT doc FROM memberships WHERE user_rowid = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                                           arguments: [rowid, limit, offset])
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM memberships WHERE user_rowid = ?", arguments: [rowid]) ?? 0
            return Page(documents: docs, totalCount: total)
        }
    }

    /// `GET /organization_memberships`: every membership of the instance.
    func allMemberships(limit: Int, offset: Int) async throws -> Page {
        try await store.read { db in
            let docs = try String.fetchAll(db, sql: "SELECT doc FROM memberships ORDER BY created_at DESC, id LIMIT ? OFFSET ?", arguments: [limit, offset])
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM memberships") ?? 0
            return Page(documents: docs, totalCount: total)
        }
    }

    func invitations(_ id: String, status: String?, limit: Int, offset: Int) async throws -> Page {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            let condition = status == nil ? "" : "AND status = ?"
            var arguments: [(any DatabaseValueConvertible)?] = [rowid]
            if let status { arguments.append(status) }
            let docs = try String.fetchAll(db, sql: "SELECT doc FROM invitations WHERE user_rowid = ? \(condition) ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                                           arguments: StatementArguments(arguments + [limit, offset]))
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM invitations WHERE user_rowid = ? \(condition)", arguments: StatementArguments(arguments)) ?? 0
            return Page(documents: docs, totalCount: total)
        }
    }

    func trustedDevices(_ id: String) async throws -> PaginatedList<TrustedDevice> {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            let devices = try String.fetchAll(db, sql: "SELECT doc FROM trusted_devices WHERE user_rowid = ? ORDER BY id", arguments: [rowid])
                .map { try WireCoding.decoder.decode(TrustedDevice.self, from: Data($0.utf8)) }
                .filter { $0.status == .active }
            return PaginatedList(data: devices, totalCount: devices.count)
        }
    }

    func revokeTrustedDevice(_ id: String, deviceID: String) async throws -> TrustedDevice {
        let time = now()
        return try await store.write { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            guard let doc = try String.fetchOne(db, sql: "SELECT doc FROM trusted_devices WHERE id = ? AND user_rowid = ?", arguments: [deviceID, rowid]) else {
                throw SandboxError.notFound("trusted device", id: deviceID)
            }
            var device = try WireCoding.decoder.decode(TrustedDevice.self, from: Data(doc.utf8))
            guard device.status == .active else { throw SandboxError.notFound("active trusted device", id: deviceID) }
            device.status = .revoked
            device.revokedAt = time
            device.updatedAt = time
            let updated = String(decoding: try WireCoding.encoder.encode(device), as: UTF8.self)
            try db.execute(sql: "UPDATE trusted_devices SET doc = ? WHERE id = ?", arguments: [updated, deviceID])
            return device
        }
    }

    func oauthAccessTokens(_ id: String, provider: String) async throws -> String {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            let docs = try String.fetchAll(db, sql: "SELECT doc FROM oauth_tokens WHERE user_rowid = ? AND provider = ?", arguments: [rowid, provider])
            return "[" + docs.joined(separator: ",") + "]"
        }
    }
}
