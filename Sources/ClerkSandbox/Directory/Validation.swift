import ClerkAPI
import Foundation

/// Input checks shared by create and update, with Clerk's wording.
enum Validation {
    static func email(_ value: String, parameter: String = "email_address") throws -> String {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !value.contains(where: \.isWhitespace)
        else {
            throw SandboxError(422, code: "form_param_format_invalid", message: "is invalid",
                               longMessage: "\(value) must be a valid email address.", parameter: parameter)
        }
        return value.lowercased()
    }

    static func phone(_ value: String, parameter: String = "phone_number") throws -> String {
        let digits = value.dropFirst()
        guard value.hasPrefix("+"), (7...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0" else {
            throw SandboxError(422, code: "form_param_format_invalid", message: "is invalid",
                               longMessage: "\(value) must be a phone number in E.164 format, e.g. +15555550100.", parameter: parameter)
        }
        return value
    }

    static func username(_ value: String) throws -> String {
        guard (4...64).contains(value.count), value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw SandboxError(422, code: "form_username_invalid", message: "is invalid",
                               longMessage: "Username must be 4 to 64 characters: letters, digits, '_', '-' or '.'.", parameter: "username")
        }
        return value
    }

    static func password(_ value: String) throws {
        guard value.count >= 8 else {
            throw SandboxError(422, code: "form_password_length_too_short", message: "is too short",
                               longMessage: "Passwords must be 8 characters or more.", parameter: "password")
        }
    }

    /// Checks (unless skipped) and hashes a new password. Slow on purpose: call it before taking
    /// the write lock.
    static func passwordHash(_ password: String, skipChecks: Bool?) throws -> String {
        if skipChecks != true { try Validation.password(password) }
        return PasswordHasher.hash(password)
    }

    static func totpSecret(_ value: String) throws -> String {
        guard let bytes = Base32.decode(value), bytes.count >= 10 else {
            throw SandboxError.invalid("totp_secret", "totp_secret must be a base32-encoded secret of at least 80 bits.")
        }
        return Base32.encode(bytes)
    }

    /// RFC 3339 text → Unix milliseconds.
    static func timestamp(_ value: String, parameter: String) throws -> UnixMillis {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = withFraction.date(from: value) ?? plain.date(from: value) else {
            throw SandboxError.invalid(parameter, "\(parameter) must be an RFC 3339 date-time, e.g. 2012-10-20T07:15:20.902Z.")
        }
        return date.unixMillis
    }
}
