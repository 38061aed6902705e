import ClerkAPI
import Foundation
import Hummingbird

/// Reads JSON bodies strictly, as Clerk does: malformed JSON is a 400, an unknown key or a wrong
/// type a 422 naming the parameter.
enum RequestBodies {
    static let maxBytes = 1 << 20

    static func data(_ request: inout Request) async throws -> Data {
        let buffer = try await request.collectBody(upTo: maxBytes)
        return Data(buffer.readableBytesView)
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

/// The first file of a `multipart/form-data` body.
enum MultipartFile {
    static func extract(_ body: Data, contentType: String?) throws -> (data: Data, contentType: String) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundaryRange = contentType.range(of: "boundary=")
        else { throw SandboxError.invalid("file", "Send the image as multipart/form-data with a part named file.") }
        let boundary = contentType[boundaryRange.upperBound...].split(separator: ";")[0].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var searchStart = body.startIndex
        while let start = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            guard let headersEnd = body.range(of: headerEnd, in: start.upperBound..<body.endIndex) else { break }
            let headers = String(decoding: body[start.upperBound..<headersEnd.lowerBound], as: UTF8.self)
            guard let next = body.range(of: Data("\r\n--\(boundary)".utf8), in: headersEnd.upperBound..<body.endIndex) else { break }
            if headers.contains("name=\"file\"") {
                let type = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
                    .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) } ?? "application/octet-stream"
                return (Data(body[headersEnd.upperBound..<next.lowerBound]), type)
            }
            searchStart = next.lowerBound + 2
        }
        throw SandboxError.missing("file")
    }
}
