/// Clerk-shaped identifiers: a type prefix and 27 base-62 characters (`user_2Nf…`).
enum IDGenerator {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func make<R: RandomNumberGenerator>(_ prefix: String, using random: inout R) -> String {
        // Bytes, then one String: appending characters one by one showed in generation profiles.
        var id = Array(prefix.utf8)
        id.reserveCapacity(id.count + 28)
        id.append(UInt8(ascii: "_"))
        id.append(UInt8(ascii: "2"))
        for _ in 0..<26 { id.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
        return String(decoding: id, as: UTF8.self)
    }

    static func make(_ prefix: String) -> String {
        var random = SystemRandomNumberGenerator()
        return make(prefix, using: &random)
    }
}
