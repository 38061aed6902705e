import ClerkAPI
import Crypto
import Foundation
import GRDB

extension UserDirectory {
    /// `POST /users`
    func create(_ request: CreateUserRequest) async throws -> User {
        let emails = try (request.emailAddress ?? []).map { try Validation.email($0) }
        let phones = try (request.phoneNumber ?? []).map { try Validation.phone($0) }
        let wallets = (request.web3Wallet ?? []).map { $0.lowercased() }
        let username = try request.username.map(Validation.username)
        let emailStatuses = try Self.statuses(request.emailAddressIdentificationStatus, count: emails.count, parameter: "email_address_identification_status")
        let phoneStatuses = try Self.statuses(request.phoneNumberIdentificationStatus, count: phones.count, parameter: "phone_number_identification_status")
        if emails.isEmpty, phones.isEmpty, wallets.isEmpty, username == nil, request.skipUserRequirement != true {
            throw SandboxError(422, code: "form_data_missing", message: "identifier missing",
                               longMessage: "Provide at least one of email_address, phone_number, web3_wallet or username, or set skip_user_requirement.")
        }
        if request.passwordDigest != nil {
            throw SandboxError.invalid("password_digest", "The sandbox does not import password digests; send password instead.")
        }
        // Hashing is deliberately slow: do it before taking the write lock.
        let passwordHash = try request.password.map { try Validation.passwordHash($0, skipChecks: request.skipPasswordChecks) }
        let totpSecret = try request.totpSecret.map(Validation.totpSecret)
        let legalAcceptedAt = try request.legalAcceptedAt.map { try Validation.timestamp($0, parameter: "legal_accepted_at") }
        let customCreatedAt = try request.createdAt.map { try Validation.timestamp($0, parameter: "created_at") }
        try Self.validate(MetadataUpdate(publicMetadata: request.publicMetadata, privateMetadata: request.privateMetadata, unsafeMetadata: request.unsafeMetadata))

        let time = now()
        let id = IDGenerator.make("user")
        var user = User(id: id, createdAt: customCreatedAt ?? time, updatedAt: time)
        user.externalID = request.externalID
        user.firstName = request.firstName
        user.lastName = request.lastName
        user.locale = request.locale
        user.username = username
        user.imageURL = Identifications.defaultImageURL(for: id)
        user.emailAddresses = zip(emails, emailStatuses).map { Identifications.email($0, reserved: $1 == .reserved, at: time) }
        user.phoneNumbers = zip(phones, phoneStatuses).map { Identifications.phone($0, reserved: $1 == .reserved, at: time) }
        user.web3Wallets = wallets.map { Identifications.wallet($0, at: time) }
        user.primaryEmailAddressID = user.emailAddresses.first?.id
        user.primaryPhoneNumberID = user.phoneNumbers.first?.id
        user.primaryWeb3WalletID = user.web3Wallets.first?.id
        user.publicMetadata = request.publicMetadata ?? .emptyObject
        user.privateMetadata = request.privateMetadata ?? .emptyObject
        user.unsafeMetadata = request.unsafeMetadata ?? .emptyObject
        user.deleteSelfEnabled = request.deleteSelfEnabled ?? true
        user.createOrganizationEnabled = request.createOrganizationEnabled ?? true
        user.createOrganizationsLimit = request.createOrganizationsLimit
        user.legalAcceptedAt = legalAcceptedAt
        user.bypassClientTrust = request.bypassClientTrust ?? false
        user.banned = request.banned ?? false
        user.locked = request.locked ?? false
        if user.locked { user.lockoutExpiresInSeconds = Self.lockoutSeconds }
        user.verificationAttemptsRemaining = user.locked ? 0 : 100
        user.passwordLastUpdatedAt = passwordHash == nil ? nil : time

        var credentials = Credentials()
        credentials.passwordHash = passwordHash
        credentials.totpSecret = totpSecret
        credentials.backupCodeHashes = (request.backupCodes ?? []).map { Self.backupCodeHash($0, userID: id) }
        user.passwordEnabled = passwordHash != nil
        user.totpEnabled = totpSecret != nil
        user.backupCodeEnabled = !credentials.backupCodeHashes.isEmpty
        user.twoFactorEnabled = user.totpEnabled || user.backupCodeEnabled
        user.mfaEnabledAt = user.twoFactorEnabled ? time : nil

        let finished = user
        let finalCredentials = credentials
        return try await store.write { [store] db in
            for (kind, value) in IndexedRows(finished).identifiers {
                try Self.ensureAvailable(kind, value, parameter: Self.parameter(forKind: kind), exceptUser: nil, in: db)
            }
            let rowid = try UserIndexer.save(finished, rowid: nil, search: store.search, in: db)
            try finalCredentials.save(rowid: rowid, in: db)
            return finished
        }
    }

    static let dayMillis: Int64 = 86_400_000

    /// How long a lock lasts, as the instance's lockout setting would say.
    static let lockoutSeconds: Int64 = 3600

    static func backupCodeHash(_ code: String, userID: String) -> String {
        Hex.encode(SHA256.hash(data: Data("\(userID):\(code)".utf8)))
    }

    static func parameter(forKind kind: String) -> String {
        switch kind {
        case "email": "email_address"
        case "phone": "phone_number"
        case "web3": "web3_wallet"
        case "external_id": "external_id"
        case "username": "username"
        default: kind
        }
    }

    private static func statuses(
        _ statuses: [CreateUserRequest.IdentificationStatus]?, count: Int, parameter: String
    ) throws -> [CreateUserRequest.IdentificationStatus] {
        guard let statuses, !statuses.isEmpty else { return Array(repeating: .verified, count: count) }
        guard statuses.count == count else {
            throw SandboxError.invalid(parameter, "\(parameter) must have exactly one item per identifier (\(count)), got \(statuses.count).")
        }
        for status in statuses where status != .verified && status != .reserved {
            throw SandboxError.invalid(parameter, "\(status) is not a valid status; use verified or reserved.")
        }
        return statuses
    }
}
