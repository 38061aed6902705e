import ClerkAPI
import Hummingbird

extension SandboxRoutes {
    func addRelatedRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/users/{user_id}/billing/subscription") { _, context in
            JSONResponse.raw(try await directory.billingSubscription(try context.userID))
        }
        router.get("/v1/users/{user_id}/billing/credits") { _, context in
            try JSONResponse.encode(try await directory.creditBalance(try context.userID))
        }
        router.post("/v1/users/{user_id}/billing/credits") { request, context in
            var request = request
            let body = try await RequestBodies.decode(CreditAdjustment.self, from: &request, allowed: Self.keys(CreditAdjustment.CodingKeys.self))
            return try JSONResponse.encode(try await directory.adjustCredits(try context.userID, body))
        }
        router.get("/v1/users/{user_id}/organization_memberships") { request, context in
            let (limit, offset) = try QueryParameters(request).page()
            return JSONResponse.raw(try await directory.memberships(try context.userID, limit: limit, offset: offset).json)
        }
        router.get("/v1/organization_memberships") { request, _ in
            let (limit, offset) = try QueryParameters(request).page()
            return JSONResponse.raw(try await directory.allMemberships(limit: limit, offset: offset).json)
        }
        router.get("/v1/users/{user_id}/organization_invitations") { request, context in
            let parameters = QueryParameters(request)
            let (limit, offset) = try parameters.page()
            let status = parameters.first("status").flatMap { $0.isEmpty ? nil : $0 }
            if let status, !["pending", "accepted", "revoked", "expired"].contains(status) {
                throw SandboxError.invalid("status", "status must be pending, accepted, revoked or expired.")
            }
            return JSONResponse.raw(try await directory.invitations(try context.userID, status: status, limit: limit, offset: offset).json)
        }
        router.get("/v1/users/{user_id}/trusted_devices") { _, context in
            try JSONResponse.encode(try await directory.trustedDevices(try context.userID))
        }
        router.delete("/v1/users/{user_id}/trusted_devices/{device_id}") { _, context in
            try JSONResponse.encode(try await directory.revokeTrustedDevice(try context.userID, deviceID: try context.parameters.require("device_id")))
        }
        router.get("/v1/users/{user_id}/oauth_access_tokens/{provider}") { request, context in
            _ = try QueryParameters(request).page()
            return JSONResponse.raw(try await directory.oauthAccessTokens(try context.userID, provider: try context.parameters.require("provider")))
        }
    }
}
