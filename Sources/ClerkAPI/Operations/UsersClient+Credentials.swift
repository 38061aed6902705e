extension UsersClient {
    /// `POST /users/{id}/verify_password`. A wrong password is HTTP 422, no password at all is 400;
    /// both arrive as `ClerkAPIError.api`.
    public func verifyPassword(_ userID: String, password: String) async throws(ClerkAPIError) -> PasswordVerification {
        struct Body: Encodable { var password: String }
        return try await client.send(.json(.post, try Self.path(userID, "verify_password"), body: Body(password: password)))
    }

    /// `POST /users/{id}/verify_totp`: a TOTP code or a backup code (which this consumes).
    public func verifyTOTP(_ userID: String, code: String) async throws(ClerkAPIError) -> TOTPVerification {
        struct Body: Encodable { var code: String }
        return try await client.send(.json(.post, try Self.path(userID, "verify_totp"), body: Body(code: code)))
    }

    /// `DELETE /users/{id}/mfa`: every second factor at once.
    public func disableMFA(_ userID: String) async throws(ClerkAPIError) -> UserIDResponse {
        try await client.send(APIRequest(.delete, try Self.path(userID, "mfa")))
    }

    /// `DELETE /users/{id}/backup_code`
    public func deleteBackupCodes(_ userID: String) async throws(ClerkAPIError) -> UserIDResponse {
        try await client.send(APIRequest(.delete, try Self.path(userID, "backup_code")))
    }

    /// `DELETE /users/{id}/totp`
    public func deleteTOTP(_ userID: String) async throws(ClerkAPIError) -> UserIDResponse {
        try await client.send(APIRequest(.delete, try Self.path(userID, "totp")))
    }

    /// `DELETE /users/{id}/passkeys/{passkey_identification_id}`
    public func deletePasskey(_ userID: String, passkeyID: String) async throws(ClerkAPIError) -> DeletedObject {
        try await client.send(APIRequest(.delete, try Self.path(userID, "passkeys", try Self.required(passkeyID, "passkey id"))))
    }

    /// `DELETE /users/{id}/web3_wallets/{web3_wallet_identification_id}`
    public func deleteWeb3Wallet(_ userID: String, walletID: String) async throws(ClerkAPIError) -> DeletedObject {
        try await client.send(APIRequest(.delete, try Self.path(userID, "web3_wallets", try Self.required(walletID, "web3 wallet id"))))
    }

    /// `DELETE /users/{id}/external_accounts/{external_account_id}`
    public func deleteExternalAccount(_ userID: String, externalAccountID: String) async throws(ClerkAPIError) -> DeletedObject {
        try await client.send(APIRequest(.delete, try Self.path(userID, "external_accounts", try Self.required(externalAccountID, "external account id"))))
    }

    /// `POST /users/{id}/password/set_compromised`: the user must reset their password at next sign-in.
    public func setPasswordCompromised(_ userID: String, revokeAllSessions: Bool? = nil) async throws(ClerkAPIError) -> User {
        struct Body: Encodable {
            var revokeAllSessions: Bool?
            enum CodingKeys: String, CodingKey { case revokeAllSessions = "revoke_all_sessions" }
        }
        return try await client.send(.json(.post, try Self.path(userID, "password", "set_compromised"), body: Body(revokeAllSessions: revokeAllSessions)))
    }

    /// `POST /users/{id}/password/unset_compromised`
    public func unsetPasswordCompromised(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.post, try Self.path(userID, "password", "unset_compromised")))
    }

    /// `POST /users/{id}/remove_password`
    public func removePassword(_ userID: String, signOutOfOtherSessions: Bool? = nil) async throws(ClerkAPIError) -> User {
        struct Body: Encodable {
            var signOutOfOtherSessions: Bool?
            enum CodingKeys: String, CodingKey { case signOutOfOtherSessions = "sign_out_of_other_sessions" }
        }
        return try await client.send(.json(.post, try Self.path(userID, "remove_password"), body: Body(signOutOfOtherSessions: signOutOfOtherSessions)))
    }

    static func required(_ id: String, _ what: String) throws(ClerkAPIError) -> String {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalidRequest("a \(what) is required") }
        return id
    }
}
