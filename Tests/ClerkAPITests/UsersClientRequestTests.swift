import ClerkAPI
import Foundation
import Testing

/// Each operation sends exactly the method, path, query and body the spec describes.
@Suite("UsersClient requests")
struct UsersClientRequestTests {
    private let ok = #"{"user_id":"user_1"}"#
    private let deleted = #"{"object":"passkey","id":"x","deleted":true}"#

    /// Runs `operation` against a transport that answers `reply`, and returns the one request it sent.
    private func capture<T>(
        reply: String, status: Int = 200, _ operation: (UsersClient) async throws -> T
    ) async throws -> (TransportRequest, T) {
        let transport = RecordingTransport(fallback: { _ in .json(status, reply) })
        let client = ClientFactory.make(transport: transport)
        let result = try await operation(client.users)
        let sent = transport.requests
        try #require(sent.count == 1)
        return (sent[0], result)
    }

    @Test("every request carries the key, the pinned version and our User-Agent")
    func standardHeaders() async throws {
        let (request, _) = try await capture(reply: Fixtures.user) { try await $0.get("user_1") }
        #expect(request.url == "https://api.test/v1/users/user_1")
        #expect(request.header("Authorization") == "Bearer sk_test_unitTESTkey0123456789")
        #expect(request.header("Clerk-API-Version") == "2026-05-12")
        #expect(request.header("User-Agent")?.hasPrefix("clerk-triage/") == true)
        #expect(request.body == nil)
    }

    @Test("list encodes every filter, repeated keys, escaped + prefixes and the order")
    func listQuery() async throws {
        var filter = UserFilter()
        filter.emailAddress = ["a@x.io", "b+tag@x.io"]
        filter.userID = [.include("user_1"), .exclude("user_2")]
        filter.externalID = ["-ext_9"]
        filter.organizationID = [.include("org_1")]
        filter.query = "ana lima"
        filter.emailAddressQuery = "EXAMPLE"
        filter.nameQuery = "lim"
        filter.phoneNumberQuery = "555"
        filter.usernameQuery = "ana"
        filter.banned = false
        filter.createdAtAfter = 1_700_000_000_000
        filter.lastActiveAtBefore = 1_800_000_000_000
        filter.provider = "oauth_google"
        filter.providerUserID = ["123"]
        let query = UserListQuery(filter: filter, order: UserOrder(.lastName, .ascending), limit: 50, offset: 100)
        let (request, users) = try await capture(reply: Fixtures.userList(["user_a", "user_b"])) { try await $0.list(query) }
        #expect(request.method == .get)
        #expect(request.target == "/users?email_address=a%40x.io&email_address=b%2Btag%40x.io&external_id=-ext_9"
            + "&user_id=%2Buser_1&user_id=-user_2&organization_id=%2Borg_1&query=ana%20lima&email_address_query=EXAMPLE"
            + "&phone_number_query=555&username_query=ana&name_query=lim&banned=false&last_active_at_before=1800000000000"
            + "&created_at_after=1700000000000&provider=oauth_google&provider_user_id=123&limit=50&offset=100&order_by=%2Blast_name")
        #expect(users.map(\.id) == ["user_a", "user_b"])
    }

    @Test("the cursor goes out as starting_after with created_at ordering")
    func listCursor() async throws {
        let query = UserListQuery(limit: 100, startingAfter: "user_last")
        let (request, _) = try await capture(reply: "[]") { try await $0.list(query) }
        #expect(request.target == "/users?limit=100&starting_after=user_last&order_by=-created_at")
    }

    @Test("invalid list input is refused before any request", arguments: [
        UserListQuery(limit: 0), UserListQuery(limit: 501), UserListQuery(offset: -1),
        UserListQuery(order: UserOrder(.firstName, .ascending), startingAfter: "user_1"),
        UserListQuery(offset: 10, startingAfter: "user_1"),
    ])
    func listValidation(query: UserListQuery) async throws {
        let transport = RecordingTransport()
        let client = ClientFactory.make(transport: transport)
        await #expect(throws: ClerkAPIError.self) { try await client.users.list(query) }
        #expect(transport.requests.isEmpty)
    }

    @Test("more than 100 values in an array filter is refused")
    func arrayFilterLimit() async throws {
        var filter = UserFilter()
        filter.userID = (0...100).map { .include("user_\($0)") }
        let transport = RecordingTransport()
        await #expect(throws: ClerkAPIError.self) { try await ClientFactory.make(transport: transport).users.count(filter) }
        #expect(transport.requests.isEmpty)
    }

    @Test("count sends the filters to /users/count and reads total_count")
    func count() async throws {
        var filter = UserFilter()
        filter.query = "ana"
        filter.banned = true
        let (request, total) = try await capture(reply: #"{"object":"total_count","total_count":4118}"#) { try await $0.count(filter) }
        #expect(request.target == "/users/count?query=ana&banned=true")
        #expect(total == 4118)
    }

    @Test("create posts the JSON body")
    func create() async throws {
        var body = CreateUserRequest()
        body.emailAddress = ["new@example.com"]
        body.firstName = "Nia"
        body.publicMetadata = ["plan": "free"]
        body.skipPasswordRequirement = true
        let (request, user) = try await capture(reply: Fixtures.user) { try await $0.create(body) }
        #expect(request.method == .post)
        #expect(request.target == "/users")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.bodyText == #"{"email_address":["new@example.com"],"first_name":"Nia","public_metadata":{"plan":"free"},"skip_password_requirement":true}"#)
        #expect(user.id == "user_2abcDEF")
    }

    @Test("update patches only the fields given, null clears")
    func update() async throws {
        var body = UpdateUserRequest()
        body.username = .clear
        body.locale = .set("fr-FR")
        let (request, _) = try await capture(reply: Fixtures.user) { try await $0.update("user_1", body) }
        #expect(request.method == .patch)
        #expect(request.target == "/users/user_1")
        #expect(request.bodyText == #"{"locale":"fr-FR","username":null}"#)
    }

    @Test("delete")
    func delete() async throws {
        let (request, result) = try await capture(reply: #"{"object":"user","id":"user_1","deleted":true}"#) { try await $0.delete("user_1") }
        #expect(request.method == .delete)
        #expect(request.target == "/users/user_1")
        #expect(result.deleted && result.id == "user_1")
    }

    @Test("a user id can never escape its path segment")
    func pathEscaping() async throws {
        let (request, _) = try await capture(reply: Fixtures.user) { try await $0.get("../organizations?x=1") }
        #expect(request.target == "/users/..%2Forganizations%3Fx%3D1")
    }

    @Test("an empty user id is refused")
    func emptyUserID() async throws {
        let transport = RecordingTransport()
        await #expect(throws: ClerkAPIError.invalidRequest("a user id is required")) {
            try await ClientFactory.make(transport: transport).users.ban("  ")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("single-user POSTs with no body", arguments: [
        ("ban", "/users/u1/ban"), ("unban", "/users/u1/unban"), ("lock", "/users/u1/lock"), ("unlock", "/users/u1/unlock"),
        ("unset_compromised", "/users/u1/password/unset_compromised"),
    ])
    func bodylessPosts(operation: String, target: String) async throws {
        let (request, user) = try await capture(reply: Fixtures.user) { users -> User in
            switch operation {
            case "ban": try await users.ban("u1")
            case "unban": try await users.unban("u1")
            case "lock": try await users.lock("u1")
            case "unlock": try await users.unlock("u1")
            default: try await users.unsetPasswordCompromised("u1")
            }
        }
        #expect(request.method == .post)
        #expect(request.target == target)
        #expect(request.body == nil)
        #expect(user.id == "user_2abcDEF")
    }

    @Test("set compromised, remove password")
    func passwordPosts() async throws {
        let (compromised, _) = try await capture(reply: Fixtures.user) { try await $0.setPasswordCompromised("u1", revokeAllSessions: true) }
        #expect(compromised.target == "/users/u1/password/set_compromised")
        #expect(compromised.bodyText == #"{"revoke_all_sessions":true}"#)
        let (removed, _) = try await capture(reply: Fixtures.user) { try await $0.removePassword("u1") }
        #expect(removed.target == "/users/u1/remove_password")
        #expect(removed.bodyText == "{}")
    }

    @Test("DELETE operations answering {user_id}", arguments: [
        ("mfa", "/users/u1/mfa"), ("backup", "/users/u1/backup_code"), ("totp", "/users/u1/totp"),
    ])
    func mfaDeletes(operation: String, target: String) async throws {
        let (request, result) = try await capture(reply: ok) { users -> UserIDResponse in
            switch operation {
            case "mfa": try await users.disableMFA("u1")
            case "backup": try await users.deleteBackupCodes("u1")
            default: try await users.deleteTOTP("u1")
            }
        }
        #expect(request.method == .delete)
        #expect(request.target == target)
        #expect(result.userID == "user_1")
    }

    @Test("identification deletions", arguments: [
        ("passkey", "/users/u1/passkeys/idn_p"), ("wallet", "/users/u1/web3_wallets/idn_w"),
        ("external", "/users/u1/external_accounts/eac_1"),
    ])
    func identificationDeletes(operation: String, target: String) async throws {
        let (request, result) = try await capture(reply: deleted) { users -> DeletedObject in
            switch operation {
            case "passkey": try await users.deletePasskey("u1", passkeyID: "idn_p")
            case "wallet": try await users.deleteWeb3Wallet("u1", walletID: "idn_w")
            default: try await users.deleteExternalAccount("u1", externalAccountID: "eac_1")
            }
        }
        #expect(request.method == .delete)
        #expect(request.target == target)
        #expect(result.deleted)
    }

    @Test("bulk ban sends user_ids")
    func bulkBan() async throws {
        let (request, users) = try await capture(reply: Fixtures.userList(["a", "b"])) { try await $0.ban(["a", "b", "a"]) }
        #expect(request.method == .post)
        #expect(request.target == "/users/ban")
        #expect(request.bodyText == #"{"user_ids":["a","b"]}"#, "duplicates are sent once")
        #expect(users.count == 2)
    }

    @Test("bulk unban of 120 users goes out as 50 + 50 + 20")
    func bulkChunks() async throws {
        let transport = RecordingTransport(fallback: { request in
            let ids = request.bodyJSON?["user_ids"].flatMap { value -> [String]? in
                guard case .array(let items) = value else { return nil }
                return items.compactMap { if case .string(let id) = $0 { id } else { nil } }
            } ?? []
            return .json(200, Fixtures.userList(ids))
        })
        let ids = (1...120).map { "user_\($0)" }
        let users = try await ClientFactory.make(transport: transport).users.unban(ids)
        #expect(transport.requests.map(\.target) == ["/users/unban", "/users/unban", "/users/unban"])
        #expect(transport.requests.map { request -> Int in
            if case .array(let items)? = request.bodyJSON?["user_ids"] { items.count } else { 0 }
        } == [50, 50, 20])
        #expect(users.map(\.id) == ids)
    }

    @Test("a failing chunk reports what was done and what remains")
    func bulkPartialFailure() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.json(200, Fixtures.userList((1...50).map { "user_\($0)" })), .json(400, Fixtures.clerkError))
        let ids = (1...70).map { "user_\($0)" }
        do {
            _ = try await ClientFactory.make(transport: transport, retry: .none).users.ban(ids)
            Issue.record("expected a failure")
        } catch {
            #expect(error.completed.count == 50)
            #expect(error.remaining == Array(ids[50...]))
            #expect(error.underlying.httpStatus == 400)
        }
    }

    @Test("metadata merge is a PATCH, replace a PUT, both with only the fields given")
    func metadata() async throws {
        let update = MetadataUpdate(publicMetadata: ["plan": "pro", "old": nil])
        let (merge, _) = try await capture(reply: Fixtures.user) { try await $0.mergeMetadata("u1", update) }
        #expect(merge.method == .patch)
        #expect(merge.target == "/users/u1/metadata")
        #expect(merge.bodyText == #"{"public_metadata":{"old":null,"plan":"pro"}}"#)
        let (replace, _) = try await capture(reply: Fixtures.user) { try await $0.replaceMetadata("u1", MetadataUpdate(privateMetadata: [:])) }
        #expect(replace.method == .put)
        #expect(replace.bodyText == #"{"private_metadata":{}}"#)
    }

    @Test("metadata that is not an object, or nothing at all, is refused")
    func metadataValidation() async throws {
        let transport = RecordingTransport()
        let users = ClientFactory.make(transport: transport).users
        await #expect(throws: ClerkAPIError.self) { try await users.mergeMetadata("u1", MetadataUpdate()) }
        await #expect(throws: ClerkAPIError.self) { try await users.mergeMetadata("u1", MetadataUpdate(publicMetadata: [1, 2])) }
        #expect(transport.requests.isEmpty)
    }

    @Test("profile image upload is multipart with the file")
    func profileImage() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let (request, _) = try await capture(reply: Fixtures.user) {
            try await $0.setProfileImage("u1", image: png, fileName: "a\"b.png", contentType: "image/png")
        }
        #expect(request.method == .post)
        #expect(request.target == "/users/u1/profile_image")
        let contentType = try #require(request.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let body = request.bodyText
        #expect(body.contains(#"Content-Disposition: form-data; name="file"; filename="a_b.png""#))
        #expect(body.contains("Content-Type: image/png"))
        let (delete, _) = try await capture(reply: Fixtures.user) { try await $0.deleteProfileImage("u1") }
        #expect(delete.method == .delete && delete.target == "/users/u1/profile_image")
    }

    @Test("billing: subscription, balance, adjustment")
    func billing() async throws {
        let (balance, result) = try await capture(reply: #"{"object":"commerce_credit_balance","balance":null}"#) { try await $0.creditBalance("u1") }
        #expect(balance.target == "/users/u1/billing/credits")
        #expect(result.balance == nil)
        let adjustment = CreditAdjustment(amount: 200, action: .decrease, idempotencyKey: "key-1", currency: "USD", note: "refund")
        let (adjust, entry) = try await capture(reply: Fixtures.ledgerEntry) { try await $0.adjustCredits("u1", adjustment) }
        #expect(adjust.method == .post)
        #expect(adjust.bodyText == #"{"action":"decrease","amount":200,"currency":"USD","idempotency_key":"key-1","note":"refund"}"#)
        #expect(entry.amount.amount == -200)
        let (subscription, _) = try await capture(reply: "{}", status: 404) { users -> Void in
            do throws(ClerkAPIError) { _ = try await users.billingSubscription("u1") } catch { #expect(error.httpStatus == 404) }
        }
        #expect(subscription.target == "/users/u1/billing/subscription")
    }

    @Test("an invalid credit amount is refused before any request", arguments: [Int64(0), -5])
    func creditValidation(amount: Int64) async throws {
        let transport = RecordingTransport()
        let adjustment = CreditAdjustment(amount: amount, action: .increase, idempotencyKey: "k")
        await #expect(throws: ClerkAPIError.self) { try await ClientFactory.make(transport: transport).users.adjustCredits("u1", adjustment) }
        #expect(transport.requests.isEmpty)
    }

    @Test("organisations, invitations, trusted devices, OAuth tokens")
    func listings() async throws {
        let empty = #"{"data":[],"total_count":0}"#
        let (memberships, _) = try await capture(reply: empty) { try await $0.organizationMemberships("u1", limit: 20, offset: 40) }
        #expect(memberships.target == "/users/u1/organization_memberships?limit=20&offset=40")
        let (invitations, _) = try await capture(reply: empty) { try await $0.organizationInvitations("u1", status: .pending) }
        #expect(invitations.target == "/users/u1/organization_invitations?limit=10&offset=0&status=pending")
        let (devices, _) = try await capture(reply: empty) { try await $0.trustedDevices("u1") }
        #expect(devices.target == "/users/u1/trusted_devices")
        let device = #"{"object":"trusted_device","id":"td_1","platform":"ios","app_identifier":"com.x","algorithm":"ES256","status":"revoked","created_at":1,"updated_at":2}"#
        let (revoke, revoked) = try await capture(reply: device) { try await $0.revokeTrustedDevice("u1", deviceID: "td_1") }
        #expect(revoke.method == .delete && revoke.target == "/users/u1/trusted_devices/td_1")
        #expect(revoked.status == .revoked)
        let (tokens, list) = try await capture(reply: "[]") { try await $0.oauthAccessTokens("u1", provider: "oauth_google") }
        #expect(tokens.target == "/users/u1/oauth_access_tokens/oauth_google?limit=10&offset=0")
        #expect(list.isEmpty)
    }

    @Test("verify password and TOTP")
    func verification() async throws {
        let (password, result) = try await capture(reply: #"{"verified":true}"#) { try await $0.verifyPassword("u1", password: "hunter22") }
        #expect(password.target == "/users/u1/verify_password")
        #expect(password.bodyText == #"{"password":"hunter22"}"#)
        #expect(result.verified)
        let (totp, code) = try await capture(reply: #"{"verified":true,"code_type":"backup_code"}"#) { try await $0.verifyTOTP("u1", code: "123456") }
        #expect(totp.bodyText == #"{"code":"123456"}"#)
        #expect(code.codeType == .backupCode)
    }

    @Test("replace email address and phone number")
    func replaceIdentifications() async throws {
        let email = #"{"id":"idn_1","object":"email_address","email_address":"n@x.io","reserved":false,"verification":null,"linked_to":[],"created_at":1,"updated_at":1}"#
        let (replaceEmail, address) = try await capture(reply: email) {
            try await $0.replaceEmailAddress("u1", IdentificationReplacement("n@x.io", status: .reserved))
        }
        #expect(replaceEmail.method == .put && replaceEmail.target == "/users/u1/email_address")
        #expect(replaceEmail.bodyText == #"{"email_address":"n@x.io","identification_status":"reserved"}"#)
        #expect(address.verification == nil)
        let phone = #"{"id":"idn_2","object":"phone_number","phone_number":"+15550100","reserved":false,"verification":null,"linked_to":[],"created_at":1,"updated_at":1}"#
        let (replacePhone, _) = try await capture(reply: phone) { try await $0.replacePhoneNumber("u1", IdentificationReplacement("+15550100")) }
        #expect(replacePhone.bodyText == #"{"phone_number":"+15550100"}"#)
        let transport = RecordingTransport()
        await #expect(throws: ClerkAPIError.self) {
            try await ClientFactory.make(transport: transport).users.replacePhoneNumber("u1", IdentificationReplacement("555-0100"))
        }
        #expect(transport.requests.isEmpty)
    }
}
