import ClerkAPI
import Foundation
import Hummingbird

enum JSONResponse {
    /// Stored JSON, sent as is.
    static func raw(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func encode<T: Encodable>(_ value: T) throws -> Response {
        let data = try WireCoding.encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
