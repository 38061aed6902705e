extension UsersClient {
    /// `GET /users/{id}/trusted_devices`
    public func trustedDevices(_ userID: String) async throws(ClerkAPIError) -> PaginatedList<TrustedDevice> {
        try await client.send(APIRequest(.get, try Self.path(userID, "trusted_devices")))
    }

    /// `DELETE /users/{id}/trusted_devices/{trusted_device_id}`
    public func revokeTrustedDevice(_ userID: String, deviceID: String) async throws(ClerkAPIError) -> TrustedDevice {
        try await client.send(APIRequest(.delete, try Self.path(userID, "trusted_devices", try Self.required(deviceID, "trusted device id"))))
    }
}
