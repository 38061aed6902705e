import ClerkAPI

/// Demo users for the queue tests.
enum Users {
    static func make(_ id: String, passkeys: [String] = [], totp: Bool = false) -> User {
        var user = User(id: id, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000)
        user.passwordEnabled = true
        user.hasImage = true
        user.totpEnabled = totp
        user.passkeys = passkeys.map { Passkey(id: $0, name: "Laptop", lastUsedAt: 1_700_000_000_000, verification: nil) }
        return user
    }

    static func many(_ count: Int, prefix: String = "user_") -> [User] {
        (1...count).map { make("\(prefix)\($0)") }
    }
}
