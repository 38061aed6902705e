import ClerkAPI
import ClerkSandbox
import Crypto
import Foundation
import Testing

@Suite("Client ↔ sandbox: operations")
struct UserOperationsTests {
    static let fixture = SandboxFixture()

    @Test("ban, unban, bulk ban of 120 in chunks, lock, unlock")
    func moderation() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        #expect(try await users.ban(user.id).banned)
        #expect(try await users.get(user.id).banned)
        #expect(try await users.unban(user.id).banned == false)
        let locked = try await users.lock(user.id)
        #expect(locked.locked && locked.lockoutExpiresInSeconds != nil)
        #expect(try await users.unlock(user.id).locked == false)

        let many = try await users.list(UserListQuery(filter: UserFilter(), limit: 60)).map(\.id)
        let banned = try await users.ban(many)
        #expect(banned.count == many.count && banned.allSatisfy(\.banned))
        var filter = UserFilter()
        filter.userID = many.map { .include($0) }
        filter.banned = true
        #expect(try await users.count(filter) == many.count)
        _ = try await users.unban(many)
        #expect(try await users.count(filter) == 0)
    }

    @Test("metadata: merge previews exactly what the server stores; replace swaps a field whole")
    func metadata() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        let patch: JSONValue = ["limits": ["seats": 5, "sso": true], "plan": nil, "tags": ["vip"]]
        let preview = user.publicMetadata.deepMerged(with: patch)
        let merged = try await users.mergeMetadata(user.id, MetadataUpdate(publicMetadata: patch))
        #expect(merged.publicMetadata == preview)
        #expect(merged.publicMetadata == ["limits": ["seats": 5, "sso": true], "tags": ["vip"]])
        let replaced = try await users.replaceMetadata(user.id, MetadataUpdate(privateMetadata: ["only": true]))
        #expect(replaced.privateMetadata == ["only": true])
        #expect(replaced.publicMetadata == merged.publicMetadata)
    }

    @Test("password: verify right, wrong, compromised, removed")
    func passwords() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix(), password: "s3cret-horse-battery")
        #expect(try await users.verifyPassword(user.id, password: "s3cret-horse-battery").verified)
        await #expect(throws: ClerkAPIError.self) { try await users.verifyPassword(user.id, password: "nope-nope-nope") }
        do {
            _ = try await users.verifyPassword(user.id, password: "nope-nope-nope")
        } catch {
            #expect(error.httpStatus == 422)
        }
        #expect(try await users.setPasswordCompromised(user.id).id == user.id)
        #expect(try await users.unsetPasswordCompromised(user.id).id == user.id)
        #expect(try await users.removePassword(user.id).passwordEnabled == false)
        do {
            _ = try await users.verifyPassword(user.id, password: "s3cret-horse-battery")
            Issue.record("expected 400")
        } catch {
            #expect(error.httpStatus == 400)
        }
    }

    @Test("TOTP and backup codes verify for real; a backup code works once; MFA deletions change the user")
    func mfa() async throws {
        let users = try await Self.fixture.client().users
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        let user = try await users.makeUser(Unique.suffix(), totp: secret, backupCodes: ["11112222", "33334444"])
        #expect(user.totpEnabled && user.backupCodeEnabled && user.twoFactorEnabled)
        let code = Self.totp(secret: secret, at: Int64(Date().timeIntervalSince1970))
        #expect(try await users.verifyTOTP(user.id, code: code).codeType == .totp)
        #expect(try await users.verifyTOTP(user.id, code: "11112222").codeType == .backupCode)
        await #expect(throws: ClerkAPIError.self) { try await users.verifyTOTP(user.id, code: "11112222") }
        _ = try await users.deleteBackupCodes(user.id)
        var current = try await users.get(user.id)
        #expect(!current.backupCodeEnabled && current.totpEnabled)
        _ = try await users.deleteTOTP(user.id)
        current = try await users.get(user.id)
        #expect(!current.totpEnabled && !current.twoFactorEnabled)

        let other = try await users.makeUser(Unique.suffix(), totp: secret)
        #expect(try await users.disableMFA(other.id).userID == other.id)
        let after = try await users.get(other.id)
        #expect(!after.twoFactorEnabled && after.mfaDisabledAt != nil)
    }

    @Test("demo users: passkey, wallet and external account deletions really remove them")
    func identificationDeletions() async throws {
        let users = try await Self.fixture.client().users
        let all = try await users.list(UserListQuery(limit: 60))
        let withPasskey = try #require(all.first { !$0.passkeys.isEmpty })
        let passkey = try #require(withPasskey.passkeys.first)
        #expect(try await users.deletePasskey(withPasskey.id, passkeyID: passkey.id).deleted)
        #expect(try await users.get(withPasskey.id).passkeys.contains { $0.id == passkey.id } == false)
        await #expect(throws: ClerkAPIError.self) { try await users.deletePasskey(withPasskey.id, passkeyID: passkey.id) }

        let withAccount = try #require(all.first { !$0.externalAccounts.isEmpty })
        let account = try #require(withAccount.externalAccounts.first)
        #expect(try await users.oauthAccessTokens(withAccount.id, provider: account.provider).count == 1)
        #expect(try await users.deleteExternalAccount(withAccount.id, externalAccountID: account.id).deleted)
        #expect(try await users.get(withAccount.id).externalAccounts.isEmpty)
        #expect(try await users.oauthAccessTokens(withAccount.id, provider: account.provider).isEmpty)

        if let withWallet = all.first(where: { !$0.web3Wallets.isEmpty }), let wallet = withWallet.web3Wallets.first {
            #expect(try await users.deleteWeb3Wallet(withWallet.id, walletID: wallet.id).deleted)
            #expect(try await users.get(withWallet.id).web3Wallets.isEmpty)
        }
    }

    @Test("credits: increase, decrease, idempotent replay, conflict, overdraft refused")
    func credits() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        #expect(try await users.creditBalance(user.id).balance == nil)
        let key = UUID().uuidString
        let increase = try await users.adjustCredits(user.id, CreditAdjustment(amount: 1_250, action: .increase, idempotencyKey: key, currency: "USD"))
        #expect(increase.amount.amount == 1_250)
        let replay = try await users.adjustCredits(user.id, CreditAdjustment(amount: 1_250, action: .increase, idempotencyKey: key, currency: "USD"))
        #expect(replay.id == increase.id)
        let decrease = try await users.adjustCredits(user.id, CreditAdjustment(amount: 250, action: .decrease, idempotencyKey: UUID().uuidString))
        #expect(decrease.amount.amount == -250)
        let balance = try #require(try await users.creditBalance(user.id).balance)
        #expect(balance.amount == 1_000 && balance.amountFormatted == "10.00" && balance.currencySymbol == "$")
        do {
            _ = try await users.adjustCredits(user.id, CreditAdjustment(amount: 5, action: .increase, idempotencyKey: key))
            Issue.record("expected a conflict")
        } catch { #expect(error.httpStatus == 409) }
        do {
            _ = try await users.adjustCredits(user.id, CreditAdjustment(amount: 99_999, action: .decrease, idempotencyKey: UUID().uuidString))
            Issue.record("expected a refusal")
        } catch { #expect(error.httpStatus == 422) }
        #expect(try await users.creditBalance(user.id).balance?.amount == 1_000)
    }

    @Test("billing subscription, organisations, invitations and trusted devices of demo users")
    func related() async throws {
        let users = try await Self.fixture.client().users
        let all = try await users.list(UserListQuery(limit: 60))
        var sawSubscription = false
        var sawMembership = false
        for user in all {
            if let subscription = try? await users.billingSubscription(user.id) {
                sawSubscription = true
                #expect(subscription.subscriptionItems.first?.plan != nil)
            }
            let memberships = try await users.organizationMemberships(user.id)
            if memberships.totalCount > 0 {
                sawMembership = true
                #expect(memberships.data.first?.organization.name.isEmpty == false)
            }
            let invitations = try await users.organizationInvitations(user.id)
            #expect(invitations.totalCount == invitations.data.count)
            let devices = try await users.trustedDevices(user.id)
            if let device = devices.data.first {
                #expect(try await users.revokeTrustedDevice(user.id, deviceID: device.id).status == .revoked)
                #expect(try await users.trustedDevices(user.id).data.contains { $0.id == device.id } == false)
            }
        }
        #expect(sawSubscription && sawMembership)
    }

    @Test("profile image upload is served back; delete restores the default")
    func profileImage() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") ?? Data()
        let updated = try await users.setProfileImage(user.id, image: png, fileName: "me.png", contentType: "image/png")
        #expect(updated.hasImage)
        let url = try #require(updated.imageURL)
        let served = try await AsyncHTTPClientTransport().send(TransportRequest(method: .get, url: url, headers: [], body: nil, timeout: .seconds(5)))
        #expect(served.status == 200 && served.body == png)
        #expect(try await users.deleteProfileImage(user.id).hasImage == false)
    }

    @Test("a profile image is read from any multipart/form-data form with a part named file, and refused otherwise")
    func profileImageForms() async throws {
        let server = try await Self.fixture.running()
        let user = try await Self.fixture.client().users.makeUser(Unique.suffix())
        func upload(_ body: Data, contentType: String) async throws -> TransportResponse {
            try await AsyncHTTPClientTransport().send(TransportRequest(
                method: .post, url: server.baseURL + "/users/\(user.id)/profile_image",
                headers: [HTTPHeader("Authorization", "Bearer \(SandboxFixture.key)"), HTTPHeader("Content-Type", contentType)],
                body: body, timeout: .seconds(5)))
        }
        func form(_ parts: [(name: String, type: String, data: Data)], boundary: String) -> Data {
            var body = Data()
            for part in parts {
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"; filename=\"x\"\r\nContent-Type: \(part.type)\r\n\r\n".utf8)
                body += part.data + Data("\r\n".utf8)
            }
            return body + Data("--\(boundary)--\r\n".utf8)
        }
        // Bytes that look like the form's own syntax must come back unchanged.
        let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x2D, 0x2D, 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0xFF])
        let accepted = try await upload(form([("note", "text/plain", Data("hi".utf8)), ("file", "image/png", image)], boundary: "b-1"),
                                        contentType: "multipart/form-data; boundary=\"b-1\"")
        #expect(accepted.status == 200)
        let url = try #require(try WireCoding.decoder.decode(User.self, from: accepted.body).imageURL)
        let served = try await AsyncHTTPClientTransport().send(TransportRequest(method: .get, url: url, headers: [], body: nil, timeout: .seconds(5)))
        #expect(served.body == image && served.header("Content-Type") == "image/png")

        let noFile = try await upload(form([("picture", "image/png", image)], boundary: "b-2"), contentType: "multipart/form-data; boundary=b-2")
        #expect(noFile.status == 422)
        #expect(try WireCoding.decoder.decode(ClerkErrorBody.self, from: noFile.body).errors.first?.code == "form_param_missing")
        let notAForm = try await upload(Data("{}".utf8), contentType: "application/json")
        #expect(notAForm.status == 422)
        #expect(try WireCoding.decoder.decode(ClerkErrorBody.self, from: notAForm.body).errors.first?.code == "form_param_value_invalid")
    }

    @Test("replacing the email address and the phone number")
    func replaceIdentifications() async throws {
        let users = try await Self.fixture.client().users
        let user = try await users.makeUser(Unique.suffix())
        let email = try await users.replaceEmailAddress(user.id, IdentificationReplacement("fresh.\(Unique.suffix())@example.com", status: .reserved))
        #expect(email.reserved)
        let after = try await users.get(user.id)
        #expect(after.emailAddresses.map(\.id) == [email.id] && after.primaryEmailAddressID == email.id)
        let phone = try await users.replacePhoneNumber(user.id, IdentificationReplacement("+14155550199"))
        #expect(try await users.get(user.id).phoneNumbers.map(\.id) == [phone.id])
    }

    /// RFC 6238 computed independently of the sandbox's implementation.
    static func totp(secret: String, at seconds: Int64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var key: [UInt8] = []
        for character in secret {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                bits -= 8
                key.append(UInt8((value >> bits) & 0xFF))
            }
        }
        var counter = UInt64(seconds / 30).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[19] & 0x0F)
        let number = (UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])) % 1_000_000
        return String(format: "%06d", number)
    }
}
