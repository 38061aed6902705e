import Foundation

extension UsersClient {
    /// `POST /users/{id}/profile_image` (multipart upload of one file).
    public func setProfileImage(_ userID: String, image: Data, fileName: String, contentType: String) async throws(ClerkAPIError) -> User {
        guard !image.isEmpty else { throw .invalidRequest("the image file is empty") }
        let boundary = "clerk-triage-\(UUID().uuidString)"
        let body = MultipartForm(boundary: boundary).file(name: "file", fileName: fileName, contentType: contentType, data: image)
        return try await client.send(APIRequest(.post, try Self.path(userID, "profile_image"), body: .multipart(body, boundary: boundary)))
    }

    /// `DELETE /users/{id}/profile_image`
    public func deleteProfileImage(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.delete, try Self.path(userID, "profile_image")))
    }
}

/// Builds a `multipart/form-data` body (RFC 7578).
struct MultipartForm {
    let boundary: String

    func file(name: String, fileName: String, contentType: String, data: Data) -> Data {
        // Quotes and line breaks in a header parameter would end it early.
        let safeName = fileName.map { "\"\r\n".contains($0) ? "_" : String($0) }.joined()
        var body = Data()
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(safeName)\"\r\n".utf8))
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return body
    }
}
