import ArgumentParser
import ClerkAPI
import Foundation

/// Every filter `GET /users` and `GET /users/count` accept. Repeat an option for several values.
struct UserFilterOptions: ParsableArguments {
    @Option(help: "Partial match over emails, phones, usernames, web3 wallets, user ids and names.")
    var query: String?

    @Option(help: "Exact email address (repeatable).")
    var email: [String] = []

    @Option(name: .customLong("email-contains"), help: "Partial match over email addresses.")
    var emailContains: String?

    @Option(help: "Partial match over first and last names.")
    var name: String?

    @Option(help: "Exact phone number, E.164 (repeatable).")
    var phone: [String] = []

    @Option(name: .customLong("phone-contains"), help: "Partial match over phone numbers.")
    var phoneContains: String?

    @Option(help: "Exact username (repeatable).")
    var username: [String] = []

    @Option(name: .customLong("username-contains"), help: "Partial match over usernames.")
    var usernameContains: String?

    @Option(name: .customLong("web3-wallet"), help: "Exact web3 wallet address (repeatable).")
    var web3Wallet: [String] = []

    @Option(name: .customLong("user-id"), help: "User id (repeatable); --user-id=-ID excludes one.")
    var userID: [String] = []

    @Option(name: .customLong("external-id"), help: "External id (repeatable); --external-id=-ID excludes one.")
    var externalID: [String] = []

    @Option(name: .customLong("organization-id"), help: "Members of this organization (repeatable); --organization-id=-ID excludes one.")
    var organizationID: [String] = []

    @Flag(name: .customLong("banned"), help: "Only banned users.")
    var banned = false

    @Flag(name: .customLong("not-banned"), help: "Only users who are not banned.")
    var notBanned = false

    @Option(name: .customLong("created-after"), help: "Created after this time: 2026-01-31, 2026-01-31T12:00:00Z, or Unix milliseconds.")
    var createdAfter: String?

    @Option(name: .customLong("created-before"), help: "Created before this time (same forms).")
    var createdBefore: String?

    @Option(name: .customLong("last-active-after"), help: "Last active after this time (same forms).")
    var lastActiveAfter: String?

    @Option(name: .customLong("last-active-before"), help: "Last active before this time (same forms).")
    var lastActiveBefore: String?

    @Option(name: .customLong("last-sign-in-after"), help: "Last signed in after this time (same forms).")
    var lastSignInAfter: String?

    @Option(name: .customLong("last-sign-in-before"), help: "Last signed in before this time (same forms).")
    var lastSignInBefore: String?

    @Option(help: "OAuth provider, e.g. oauth_google; goes with --provider-user-id.")
    var provider: String?

    @Option(name: .customLong("provider-user-id"), help: "The user's id at --provider (repeatable).")
    var providerUserID: [String] = []

    func validate() throws {
        if banned && notBanned { throw ValidationError("--banned and --not-banned cannot be used together") }
        _ = try filter()
    }

    /// The API core's filter; a time that cannot be read is a usage error.
    func filter() throws -> UserFilter {
        var filter = UserFilter()
        filter.query = query
        filter.emailAddress = email
        filter.emailAddressQuery = emailContains
        filter.nameQuery = name
        filter.phoneNumber = phone
        filter.phoneNumberQuery = phoneContains
        filter.username = username
        filter.usernameQuery = usernameContains
        filter.web3Wallet = web3Wallet
        filter.userID = userID.map(IDSelector.init(wire:))
        filter.externalID = externalID.map(IDSelector.init(wire:))
        filter.organizationID = organizationID.map(IDSelector.init(wire:))
        filter.banned = banned ? true : (notBanned ? false : nil)
        filter.createdAtAfter = try Self.time(createdAfter, "--created-after")
        filter.createdAtBefore = try Self.time(createdBefore, "--created-before")
        filter.lastActiveAtAfter = try Self.time(lastActiveAfter, "--last-active-after")
        filter.lastActiveAtBefore = try Self.time(lastActiveBefore, "--last-active-before")
        filter.lastSignInAtAfter = try Self.time(lastSignInAfter, "--last-sign-in-after")
        filter.lastSignInAtBefore = try Self.time(lastSignInBefore, "--last-sign-in-before")
        filter.provider = provider
        filter.providerUserID = providerUserID
        do {
            try filter.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return filter
    }

    /// A date (midnight UTC), an ISO 8601 time, or Unix milliseconds as Clerk takes them.
    static func time(_ text: String?, _ option: String) throws -> UnixMillis? {
        guard let text else { return nil }
        if let millis = UnixMillis(text) { return millis }
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return UnixMillis((date.timeIntervalSince1970 * 1000).rounded()) }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = day.date(from: text) { return UnixMillis((date.timeIntervalSince1970 * 1000).rounded()) }
        throw ValidationError("\(option) takes a date (2026-01-31), a time (2026-01-31T12:00:00Z) or Unix milliseconds, not '\(text)'")
    }
}
