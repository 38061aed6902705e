import ClerkAPI

/// Builds identification objects the way Clerk creates them from the Backend API: verified by
/// the admin strategy, or reserved (unverified, usable for sign-in, claimed by nobody else).
enum Identifications {
    static let adminVerification = Verification(object: "verification_admin", status: .verified, strategy: "admin")

    static func email(_ address: String, reserved: Bool, at time: UnixMillis) -> EmailAddress {
        EmailAddress(id: IDGenerator.make("idn"), emailAddress: address, reserved: reserved,
                     verification: reserved ? nil : adminVerification, createdAt: time, updatedAt: time)
    }

    static func phone(_ number: String, reserved: Bool, at time: UnixMillis) -> PhoneNumber {
        PhoneNumber(id: IDGenerator.make("idn"), phoneNumber: number, reservedForSecondFactor: false, defaultSecondFactor: false,
                    reserved: reserved, verification: reserved ? nil : adminVerification, createdAt: time, updatedAt: time)
    }

    static func wallet(_ address: String, at time: UnixMillis) -> Web3Wallet {
        Web3Wallet(id: IDGenerator.make("idn"), web3Wallet: address, verification: adminVerification, createdAt: time, updatedAt: time)
    }

    /// The avatar every user without an uploaded image gets.
    static func defaultImageURL(for userID: String) -> String {
        "https://img.clerk.com/sandbox/default/\(userID)"
    }
}
