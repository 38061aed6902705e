import ClerkAPI
import Hummingbird

extension SandboxRoutes {
    private struct PasswordBody: Decodable { var password: String }
    private struct CodeBody: Decodable { var code: String }
    private struct CompromisedBody: Decodable {
        var revokeAllSessions: Bool?
        enum CodingKeys: String, CodingKey { case revokeAllSessions = "revoke_all_sessions" }
    }
    private struct RemovePasswordBody: Decodable {
        var signOutOfOtherSessions: Bool?
        enum CodingKeys: String, CodingKey { case signOutOfOtherSessions = "sign_out_of_other_sessions" }
    }

    func addCredentialRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/users/{user_id}/verify_password") { request, context in
            var request = request
            let body = try await RequestBodies.decode(PasswordBody.self, from: &request, allowed: ["password"])
            return try JSONResponse.encode(try await directory.verifyPassword(try context.userID, body.password))
        }
        router.post("/v1/users/{user_id}/verify_totp") { request, context in
            var request = request
            let body = try await RequestBodies.decode(CodeBody.self, from: &request, allowed: ["code"])
            return try JSONResponse.encode(try await directory.verifyTOTP(try context.userID, body.code))
        }
        router.delete("/v1/users/{user_id}/mfa") { _, context in try JSONResponse.encode(try await directory.disableMFA(try context.userID)) }
        router.delete("/v1/users/{user_id}/backup_code") { _, context in try JSONResponse.encode(try await directory.deleteBackupCodes(try context.userID)) }
        router.delete("/v1/users/{user_id}/totp") { _, context in try JSONResponse.encode(try await directory.deleteTOTP(try context.userID)) }
        router.delete("/v1/users/{user_id}/passkeys/{passkey_id}") { _, context in
            try JSONResponse.encode(try await directory.deletePasskey(try context.userID, passkeyID: try context.parameters.require("passkey_id")))
        }
        router.delete("/v1/users/{user_id}/web3_wallets/{wallet_id}") { _, context in
            try JSONResponse.encode(try await directory.deleteWeb3Wallet(try context.userID, walletID: try context.parameters.require("wallet_id")))
        }
        router.delete("/v1/users/{user_id}/external_accounts/{account_id}") { _, context in
            try JSONResponse.encode(try await directory.deleteExternalAccount(try context.userID, accountID: try context.parameters.require("account_id")))
        }
        router.post("/v1/users/{user_id}/password/set_compromised") { request, context in
            var request = request
            _ = try await RequestBodies.decode(CompromisedBody.self, from: &request, allowed: ["revoke_all_sessions"], emptyAllowed: true)
            return try JSONResponse.encode(try await directory.setPasswordCompromised(try context.userID, true))
        }
        router.post("/v1/users/{user_id}/password/unset_compromised") { _, context in
            try JSONResponse.encode(try await directory.setPasswordCompromised(try context.userID, false))
        }
        router.post("/v1/users/{user_id}/remove_password") { request, context in
            var request = request
            _ = try await RequestBodies.decode(RemovePasswordBody.self, from: &request, allowed: ["sign_out_of_other_sessions"], emptyAllowed: true)
            return try JSONResponse.encode(try await directory.removePassword(try context.userID))
        }
    }
}
