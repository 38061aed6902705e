import ClerkAPI
import GRDB

extension UserDirectory {
    /// `PUT /users/{id}/email_address`: the user ends with exactly this one, primary, address.
    func replaceEmailAddress(_ id: String, address raw: String, status: String?) async throws -> EmailAddress {
        let address = try Validation.email(raw)
        let status = try Self.replacementStatus(status)
        let time = now()
        return try await mutate(id) { user, _, db -> EmailAddress in
            if user.emailAddresses.contains(where: { !$0.linkedTo.isEmpty && $0.emailAddress.lowercased() != address }) {
                throw SandboxError(422, code: "form_identifier_linked", message: "linked to a connected account",
                                   longMessage: "An email address of this user is linked to a connected account; remove the connected account first.")
            }
            try Self.ensureAvailable("email", address, parameter: "email_address", exceptUser: id, in: db)
            var email = Identifications.email(address, reserved: status == "reserved", at: time)
            if status == "unverified" { email.verification = Verification(object: "verification_otp", status: .unverified, strategy: "email_code") }
            user.emailAddresses = [email]
            user.primaryEmailAddressID = email.id
            return email
        }.result
    }

    /// `PUT /users/{id}/phone_number`: the user ends with exactly this one, primary, number.
    func replacePhoneNumber(_ id: String, number raw: String, status: String?) async throws -> PhoneNumber {
        let number = try Validation.phone(raw)
        let status = try Self.replacementStatus(status)
        let time = now()
        return try await mutate(id) { user, _, db -> PhoneNumber in
            try Self.ensureAvailable("phone", number, parameter: "phone_number", exceptUser: id, in: db)
            var phone = Identifications.phone(number, reserved: status == "reserved", at: time)
            if status == "unverified" { phone.verification = Verification(object: "verification_otp", status: .unverified, strategy: "phone_code") }
            if user.phoneNumbers.contains(where: { $0.reservedForSecondFactor == true }) { user.mfaDisabledAt = time }
            user.phoneNumbers = [phone]
            user.primaryPhoneNumberID = phone.id
            return phone
        }.result
    }

    private static func replacementStatus(_ status: String?) throws -> String {
        let status = status ?? "verified"
        guard ["verified", "reserved", "unverified"].contains(status) else {
            throw SandboxError.invalid("identification_status", "identification_status must be verified, reserved or unverified.")
        }
        return status
    }
}
