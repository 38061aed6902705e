import ClerkAPI
import Foundation
import Hummingbird
import MultipartKit

/// Reads JSON bodies strictly, as Clerk does: malformed JSON is a 400, an unknown key or a wrong
/// type a 422 naming the parameter.
enum RequestBodies {
    static let maxBytes = 1 << 20

    static func data(_ request: inout Request) async throws -> Data {
        Data(try await request.collectBody(upTo: maxBytes).readableBytesView)
    }

    static func upload(_ request: inout Request) async throws -> UploadedFile {
        try UploadedFile.extract(try await request.collectBody(upTo: maxBytes), contentType: request.headers[.contentType])
    }

    /// Decodes `T`, refusing keys outside `allowed`. An empty body counts as `{}` when `emptyAllowed`.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: inout Request, allowed: [String], emptyAllowed: Bool = false
    ) async throws -> T {
        var data = try await self.data(&request)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard emptyAllowed else { throw SandboxError.malformedBody("the body is empty") }
            data = Data("{}".utf8)
        }
        let text = String(decoding: data, as: UTF8.self)
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw SandboxError.malformedBody(error.description)
        }
        guard let fields = value.objectValue else { throw SandboxError.malformedBody("the body must be a JSON object") }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SandboxError.unknown(unknown)
        }
        do {
            return try WireCoding.decoder.decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(expected, context) {
            let name = context.codingPath.first?.stringValue ?? "body"
            throw SandboxError.invalid(name, "\(name) has the wrong type: expected \(expected).")
        } catch let DecodingError.keyNotFound(key, _) {
            throw SandboxError.missing(key.stringValue)
        } catch let DecodingError.valueNotFound(_, context) {
            let name = context.codingPath.first?.stringValue ?? "body"
            throw SandboxError.invalid(name, "\(name) must not be null.")
        } catch {
            throw SandboxError.malformedBody("\(error)")
        }
    }
}

/// The file of a `multipart/form-data` upload (the profile image), read by MultipartKit.
struct UploadedFile: Decodable, MultipartPartConvertible {
    var data: Data
    var contentType: String

    /// The form Clerk's profile image endpoint takes: one part named `file`.
    private struct Form: Decodable {
        var file: UploadedFile
    }

    init?(multipart: MultipartPart) {
        data = Data(multipart.body.readableBytesView)
        contentType = multipart.headers.first(name: "Content-Type") ?? "application/octet-stream"
    }

    var multipart: MultipartPart? { MultipartPart(headers: ["Content-Type": contentType], body: data) }

    /// A file is only ever a part of a form, never a value of its own.
    init(from decoder: any Decoder) throws {
        throw DecodingError.typeMismatch(UploadedFile.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a file part"))
    }

    static func extract(_ body: ByteBuffer, contentType: String?) throws -> UploadedFile {
        guard let contentType, let mediaType = MediaType(from: contentType), mediaType.isType(.multipartForm),
            let parameter = mediaType.parameter, parameter.name.lowercased() == "boundary",
            let boundary = parameter.value.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }), !boundary.isEmpty
        else { throw SandboxError.invalid("file", "Send the image as multipart/form-data with a part named file.") }
        do {
            return try FormDataDecoder().decode(Form.self, from: body, boundary: boundary).file
        } catch DecodingError.keyNotFound {
            throw SandboxError.missing("file")
        } catch {
            throw SandboxError.invalid("file", "The multipart/form-data body could not be read (\(error)); send the image as a part named file.")
        }
    }
}
