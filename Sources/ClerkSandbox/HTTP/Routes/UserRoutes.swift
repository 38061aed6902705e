import ClerkAPI
import Hummingbird

extension SandboxRoutes {
    func addUserRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/users") { request, _ in
            let query = try QueryParameters(request).userListQuery()
            return JSONResponse.raw("[" + (try await directory.list(query)).joined(separator: ",") + "]")
        }
        router.get("/v1/users/count") { request, _ in
            try JSONResponse.encode(TotalCount(totalCount: try await directory.count(try QueryParameters(request).userFilter())))
        }
        router.post("/v1/users") { request, _ in
            var request = request
            let body = try await RequestBodies.decode(CreateUserRequest.self, from: &request, allowed: Self.keys(CreateUserRequest.CodingKeys.self))
            return try JSONResponse.encode(try await directory.create(body))
        }
        router.get("/v1/users/{user_id}") { _, context in
            JSONResponse.raw(try await directory.document(try context.userID))
        }
        router.patch("/v1/users/{user_id}") { request, context in
            var request = request
            let body = try await RequestBodies.decode(UpdateUserRequest.self, from: &request, allowed: Self.keys(UpdateUserRequest.CodingKeys.self))
            return try JSONResponse.encode(try await directory.update(try context.userID, body))
        }
        router.delete("/v1/users/{user_id}") { _, context in
            try JSONResponse.encode(try await directory.delete(try context.userID))
        }
        router.patch("/v1/users/{user_id}/metadata") { request, context in
            var request = request
            let body = try await RequestBodies.decode(MetadataUpdate.self, from: &request, allowed: Self.keys(MetadataUpdate.CodingKeys.self), emptyAllowed: true)
            return try JSONResponse.encode(try await directory.mergeMetadata(try context.userID, body))
        }
        router.put("/v1/users/{user_id}/metadata") { request, context in
            var request = request
            let body = try await RequestBodies.decode(MetadataUpdate.self, from: &request, allowed: Self.keys(MetadataUpdate.CodingKeys.self), emptyAllowed: true)
            return try JSONResponse.encode(try await directory.replaceMetadata(try context.userID, body))
        }
        router.post("/v1/users/{user_id}/profile_image") { request, context in
            var request = request
            let file = try await RequestBodies.upload(&request)
            return try JSONResponse.encode(try await directory.setProfileImage(try context.userID, data: file.data, contentType: file.contentType))
        }
        router.delete("/v1/users/{user_id}/profile_image") { _, context in
            try JSONResponse.encode(try await directory.deleteProfileImage(try context.userID))
        }
        router.get("/v1/sandbox/images/{image_id}") { _, context in
            let image = try await directory.image(context.parameters.get("image_id") ?? "")
            return Response(status: .ok, headers: [.contentType: image.contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: image.data)))
        }
    }

    static func keys<Keys: CodingKey & CaseIterable>(_ type: Keys.Type) -> [String] {
        Keys.allCases.map(\.stringValue)
    }
}

extension BasicRequestContext {
    var userID: String {
        get throws { try parameters.require("user_id") }
    }
}
