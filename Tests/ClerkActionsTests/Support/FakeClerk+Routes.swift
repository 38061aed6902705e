import ClerkAPI
import Foundation

extension FakeClerk {
    /// Clerk's behaviour for the endpoints the queue uses, on `state`.
    func handle(_ method: HTTPMethod, _ path: String, body: Data, state: inout State) -> TransportResponse {
        let parts = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        guard parts.first == "users", parts.count >= 2 else { return Self.error(404) }
        if parts.count == 2, method == .post, parts[1] == "ban" || parts[1] == "unban" {
            let ids = (try? JSONValue.parse(String(decoding: body, as: UTF8.self)))?["user_ids"]
            guard case .array(let values)? = ids, values.count <= 50 else { return Self.error(422) }
            var users: [User] = []
            for case .string(let id) in values {
                guard var user = state.users[id] else { continue }
                user.banned = parts[1] == "ban"
                state.users[id] = user
                users.append(user)
            }
            return Self.json(users)
        }
        let id = parts[1]
        guard var user = state.users[id] else { return Self.error(404) }
        let rest = Array(parts.dropFirst(2))
        switch (method, rest) {
        case (.get, []):
            return Self.json(user)
        case (.delete, []):
            state.users[id] = nil
            return Self.json(DeletedObject(object: "user", id: id))
        case (.post, ["ban"]), (.post, ["unban"]):
            user.banned = rest == ["ban"]
        case (.post, ["lock"]), (.post, ["unlock"]):
            user.locked = rest == ["lock"]
        case (.post, ["password", "set_compromised"]):
            state.compromised.insert(id)
        case (.post, ["password", "unset_compromised"]):
            state.compromised.remove(id)
        case (.post, ["remove_password"]):
            user.passwordEnabled = false
        case (.post, ["billing", "credits"]):
            let key = (try? JSONValue.parse(String(decoding: body, as: UTF8.self)))?["idempotency_key"]
            guard case .string(let key)? = key else { return Self.error(422) }
            let entryID = state.ledger[key] ?? "cled_\(state.ledger.count + 1)"
            state.ledger[key] = entryID
            let entry = CreditLedgerEntry(
                id: entryID, payerID: "cpayer_\(id)", amount: Money(amount: 100, amountFormatted: "1.00", currency: "USD", currencySymbol: "$"),
                sourceType: "manual", sourceID: key, note: nil, createdAt: "2026-12-01T10:00:00Z")
            return Self.json(entry)
        case (.delete, _) where rest.count == 2 && rest[0] == "passkeys":
            let passkeyID = rest[1]
            guard user.passkeys.contains(where: { $0.id == passkeyID }) else { return Self.error(404) }
            user.passkeys.removeAll { $0.id == passkeyID }
            state.users[id] = user
            return Self.json(DeletedObject(object: "passkey", id: passkeyID))
        case (.get, ["trusted_devices"]):
            let devices = state.devices[id] ?? []
            return Self.json(PaginatedList(data: devices, totalCount: devices.count))
        case (.delete, _) where rest.count == 2 && rest[0] == "trusted_devices":
            guard let index = state.devices[id]?.firstIndex(where: { $0.id == rest[1] }) else { return Self.error(404) }
            state.devices[id]?[index].status = .revoked
            return Self.json(state.devices[id]?[index])
        case (.delete, ["totp"]):
            user.totpEnabled = false
            state.users[id] = user
            return Self.json(UserIDResponse(userID: id))
        case (.delete, ["profile_image"]):
            user.hasImage = false
        case (.post, ["verify_totp"]):
            let code = (try? JSONValue.parse(String(decoding: body, as: UTF8.self)))?["code"]
            // As Clerk: a wrong code is a 422, not `verified: false`.
            guard code == "123456" else { return Self.error(422) }
            return Self.json(TOTPVerification(verified: true, codeType: .totp))
        case (.patch, ["metadata"]), (.put, ["metadata"]):
            guard let update = try? WireCoding.decoder.decode(MetadataUpdate.self, from: body) else { return Self.error(422) }
            let merge = method == .patch
            if let value = update.publicMetadata { user.publicMetadata = merge ? user.publicMetadata.deepMerged(with: value) : value }
            if let value = update.privateMetadata { user.privateMetadata = merge ? (user.privateMetadata ?? .emptyObject).deepMerged(with: value) : value }
        default:
            return Self.error(404)
        }
        state.users[id] = user
        return Self.json(user)
    }

    static func json<Body: Encodable>(_ body: Body) -> TransportResponse {
        // Every body here is plain data; encoding cannot fail.
        let data = (try? WireCoding.encoder.encode(body)) ?? Data()
        return TransportResponse(status: 200, headers: [HTTPHeader("Content-Type", "application/json")], body: data)
    }

    static func error(_ status: Int) -> TransportResponse {
        let body = #"{"errors":[{"message":"error","long_message":"HTTP \#(status) from the fake.","code":"e\#(status)"}],"clerk_trace_id":"trace-fake"}"#
        return TransportResponse(status: status, body: Data(body.utf8))
    }
}
