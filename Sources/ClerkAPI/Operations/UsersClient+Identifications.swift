extension UsersClient {
    /// `PUT /users/{id}/email_address`: replaces all of the user's addresses with one primary address.
    public func replaceEmailAddress(_ userID: String, _ replacement: IdentificationReplacement) async throws(ClerkAPIError) -> EmailAddress {
        struct Body: Encodable {
            var emailAddress: String
            var identificationStatus: String?
            var notifyPrimaryEmailAddressChanged: Bool?
            enum CodingKeys: String, CodingKey {
                case emailAddress = "email_address"
                case identificationStatus = "identification_status"
                case notifyPrimaryEmailAddressChanged = "notify_primary_email_address_changed"
            }
        }
        let address = try Self.required(replacement.value, "email address")
        guard address.contains("@") else { throw .invalidRequest("\"\(address)\" is not an email address") }
        let body = Body(emailAddress: address, identificationStatus: replacement.status?.rawValue, notifyPrimaryEmailAddressChanged: replacement.notifyPrimaryEmailAddressChanged)
        return try await client.send(.json(.put, try Self.path(userID, "email_address"), body: body))
    }

    /// `PUT /users/{id}/phone_number`: replaces all of the user's numbers with one primary number (E.164).
    public func replacePhoneNumber(_ userID: String, _ replacement: IdentificationReplacement) async throws(ClerkAPIError) -> PhoneNumber {
        struct Body: Encodable {
            var phoneNumber: String
            var identificationStatus: String?
            enum CodingKeys: String, CodingKey {
                case phoneNumber = "phone_number"
                case identificationStatus = "identification_status"
            }
        }
        let number = try Self.required(replacement.value, "phone number")
        guard number.hasPrefix("+"), number.dropFirst().allSatisfy(\.isASCIIDigit) else {
            throw .invalidRequest("\"\(number)\" is not an E.164 phone number (+ and digits)")
        }
        return try await client.send(.json(.put, try Self.path(userID, "phone_number"), body: Body(phoneNumber: number, identificationStatus: replacement.status?.rawValue)))
    }

    /// `GET /users/{id}/oauth_access_tokens/{provider}`, e.g. provider `oauth_google`.
    public func oauthAccessTokens(_ userID: String, provider: String, limit: Int = 10, offset: Int = 0) async throws(ClerkAPIError) -> [OAuthAccessToken] {
        let provider = try Self.required(provider, "provider")
        return try await client.send(APIRequest(.get, try Self.path(userID, "oauth_access_tokens", provider), query: try Self.page(limit, offset)))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
