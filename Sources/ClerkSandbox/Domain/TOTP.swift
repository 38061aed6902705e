import Crypto
import Foundation

/// RFC 6238 time-based one-time passwords with the only parameters Clerk supports for an imported
/// `totp_secret`: HMAC-SHA1, 30-second steps, 6 digits.
enum TOTP {
    static let step: Int64 = 30

    static func code(secret: [UInt8], at unixSeconds: Int64) -> String {
        var counter = (unixSeconds / step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let digits = value % 1_000_000
        let text = String(digits)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    /// Accepts the current step and one on either side, for clocks that drift a little.
    static func verify(_ candidate: String, secret: [UInt8], at unixSeconds: Int64) -> Bool {
        [-step, 0, step].contains { code(secret: secret, at: unixSeconds + $0) == candidate }
    }
}

/// RFC 4648 base 32, as authenticator apps use for TOTP secrets.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func decode(_ text: String) -> [UInt8]? {
        var bits: UInt64 = 0
        var bitCount = 0
        var output: [UInt8] = []
        for byte in text.uppercased().utf8 where byte != UInt8(ascii: "=") && byte != UInt8(ascii: " ") {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            bits = (bits << 5) | UInt64(index)
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8((bits >> UInt64(bitCount)) & 0xFF))
            }
        }
        return output.isEmpty ? nil : output
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var bits: UInt64 = 0
        var bitCount = 0
        for byte in bytes {
            bits = (bits << 8) | UInt64(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output.unicodeScalars.append(Unicode.Scalar(alphabet[Int((bits >> UInt64(bitCount)) & 31)]))
            }
        }
        if bitCount > 0 {
            output.unicodeScalars.append(Unicode.Scalar(alphabet[Int((bits << UInt64(5 - bitCount)) & 31)]))
        }
        return output
    }
}
