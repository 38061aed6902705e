/// Clerk-shaped identifiers: a type prefix and 27 base-62 characters (`user_2Nf…`).
enum IDGenerator {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    static func make<R: RandomNumberGenerator>(_ prefix: String, using random: inout R) -> String {
        var id = prefix + "_2"
        for _ in 0..<26 { id.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
        return id
    }

    static func make(_ prefix: String) -> String {
        var random = SystemRandomNumberGenerator()
        return make(prefix, using: &random)
    }
}
