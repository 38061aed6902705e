import ClerkAPI
import Hummingbird

extension SandboxRoutes {
    private struct UserIDs: Decodable {
        var userIDs: [String]
        enum CodingKeys: String, CodingKey { case userIDs = "user_ids" }
    }

    func addModerationRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/users/{user_id}/ban") { _, context in try JSONResponse.encode(try await directory.setBanned(try context.userID, true)) }
        router.post("/v1/users/{user_id}/unban") { _, context in try JSONResponse.encode(try await directory.setBanned(try context.userID, false)) }
        router.post("/v1/users/{user_id}/lock") { _, context in try JSONResponse.encode(try await directory.setLocked(try context.userID, true)) }
        router.post("/v1/users/{user_id}/unlock") { _, context in try JSONResponse.encode(try await directory.setLocked(try context.userID, false)) }
        router.post("/v1/users/ban") { request, _ in
            var request = request
            let body = try await RequestBodies.decode(UserIDs.self, from: &request, allowed: ["user_ids"])
            return try JSONResponse.encode(try await directory.setBanned(body.userIDs, true))
        }
        router.post("/v1/users/unban") { request, _ in
            var request = request
            let body = try await RequestBodies.decode(UserIDs.self, from: &request, allowed: ["user_ids"])
            return try JSONResponse.encode(try await directory.setBanned(body.userIDs, false))
        }
    }
}
