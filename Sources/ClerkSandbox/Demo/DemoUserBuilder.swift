import ClerkAPI
import Foundation

/// Builds demo user number `index` from its own seeded generator, so any slice of users can be
/// built on any core and the result is the same for the same seed.
struct DemoUserBuilder: Sendable {
    let seed: UInt64
    let now: UnixMillis
    let passwordHash: String
    let organizations: [Organization]

    static let day: Int64 = 86_400_000

    func build(_ index: Int) throws -> DemoUser {
        var random = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        let createdAt = now - Int64.random(in: 30 * 60_000...(3 * 365 * Self.day), using: &random)
        let id = IDGenerator.make("user", using: &random)
        var user = User(id: id, createdAt: createdAt, updatedAt: createdAt + Int64.random(in: 0...(now - createdAt), using: &random))

        let name = random.pick(DemoNames.all)
        let hostile = index < DemoNames.hostile.count * 7 && index % 7 == 3 ? DemoNames.hostile[index / 7] : nil
        user.firstName = hostile?.first ?? name.first
        user.lastName = hostile?.last ?? name.last
        if random.chance(0.03) && hostile == nil { user.lastName = nil }
        user.locale = random.chance(0.7) ? name.locale : nil
        let handle = "\(name.latinFirst).\(name.latinLast)"
        user.username = hostile?.username ?? (random.chance(0.6) ? "\(name.latinFirst)_\(name.latinLast)\(index)" : nil)
        user.externalID = random.chance(0.3) ? "crm-\(100_000 + index)" : nil
        user.imageURL = Identifications.defaultImageURL(for: id)

        let verified = Verification(object: "verification_otp", status: .verified, strategy: "email_code", attempts: 1)
        let emailCount = 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.1) ? 1 : 0)
        for position in 0..<emailCount {
            let domain = random.pick(DemoNames.domains)
            let local = position == 0 ? "\(handle).\(index)" : "\(name.latinFirst[...].prefix(1))\(name.latinLast)\(index)+\(position)"
            let isVerified = position == 0 || random.chance(0.6)
            let unverified = Verification(object: "verification_otp", status: .unverified, strategy: "email_code", attempts: 0, expireAt: createdAt + Self.day)
            let email = EmailAddress(id: IDGenerator.make("idn", using: &random), emailAddress: "\(local)@\(domain)",
                                     verification: isVerified ? verified : unverified, createdAt: createdAt, updatedAt: createdAt)
            user.emailAddresses.append(email)
        }
        user.primaryEmailAddressID = user.emailAddresses.first?.id

        let phoneCount = random.chance(0.55) ? (random.chance(0.2) ? 2 : 1) : 0
        for offset in 0..<phoneCount {
            // Numbers are unique in an instance: the user's index is the subscriber number.
            let subscriber = String(index)
            let number = "+1\(201 + offset * 111)" + String(repeating: "0", count: max(0, 7 - subscriber.count)) + subscriber
            user.phoneNumbers.append(PhoneNumber(
                id: IDGenerator.make("idn", using: &random), phoneNumber: number, reservedForSecondFactor: false, defaultSecondFactor: false,
                verification: Verification(object: "verification_otp", status: .verified, strategy: "phone_code", attempts: 1),
                createdAt: createdAt, updatedAt: createdAt))
        }
        user.primaryPhoneNumberID = user.phoneNumbers.first?.id

        if random.chance(0.08) {
            let address = "0x" + (0..<40).map { _ in String(Int.random(in: 0..<16, using: &random), radix: 16) }.joined()
            user.web3Wallets = [Web3Wallet(id: IDGenerator.make("idn", using: &random), web3Wallet: address,
                                           verification: Verification(object: "verification_web3", status: .verified, strategy: "web3_metamask_signature"),
                                           createdAt: createdAt, updatedAt: createdAt)]
            user.primaryWeb3WalletID = user.web3Wallets.first?.id
        }

        if random.chance(0.25) {
            let count = random.chance(0.3) ? 2 : 1
            user.passkeys = (0..<count).map { _ in
                Passkey(id: IDGenerator.make("idn", using: &random), name: random.pick(DemoNames.passkeyNames),
                        lastUsedAt: now - Int64.random(in: 0...(90 * Self.day), using: &random),
                        verification: Verification(object: "verification_passkey", status: .verified, strategy: "passkey"))
            }
        }

        var tokens: [OAuthAccessToken] = []
        if random.chance(0.3) {
            let provider = random.pick(DemoNames.oauthProviders)
            let identification = IDGenerator.make("idn", using: &random)
            let account = ExternalAccount(
                id: IDGenerator.make("eac", using: &random), provider: provider, identificationID: identification,
                providerUserID: String(UInt64.random(in: 100_000_000...999_999_999_999, using: &random)),
                approvedScopes: "email profile openid", emailAddress: user.emailAddresses[0].emailAddress, emailAddressVerified: true,
                firstName: name.first, lastName: name.last, username: provider == "oauth_github" ? handle : nil,
                createdAt: createdAt, updatedAt: createdAt,
                verification: Verification(object: "verification_oauth", status: .verified, strategy: provider, expireAt: createdAt + 600_000))
            user.externalAccounts = [account]
            user.emailAddresses[0].linkedTo = [IdentificationLink(type: provider, id: identification)]
            tokens.append(OAuthAccessToken(externalAccountID: account.id, providerUserID: account.providerUserID,
                                           token: "sandbox_oauth_" + IDGenerator.make("tok", using: &random), expiresAt: now + Self.day,
                                           provider: provider, scopes: account.scopes))
        }
        if random.chance(0.03) {
            let domain = user.emailAddresses[0].emailAddress.split(separator: "@").last.map(String.init)
            let connection = SAMLAccount.Connection(id: "samlc_\(index % 5)", name: "Okta (\(domain ?? "corp"))", domain: domain, active: true,
                                                    provider: "saml_okta", createdAt: createdAt, updatedAt: createdAt)
            user.samlAccounts = [SAMLAccount(id: IDGenerator.make("samlacc", using: &random), provider: "saml_okta", active: true,
                                             emailAddress: user.emailAddresses[0].emailAddress, firstName: name.first, lastName: name.last,
                                             providerUserID: "okta|\(index)", lastAuthenticatedAt: now - Self.day,
                                             verification: Verification(object: "verification_saml", status: .verified, strategy: "saml"),
                                             samlConnection: connection)]
        }
        if random.chance(0.03) {
            let domain = user.emailAddresses[0].emailAddress.split(separator: "@").last.map(String.init)
            let connection = EnterpriseAccount.Connection(id: "entc_\(index % 5)", protocol: "oauth", provider: "oauth_custom_entra",
                                                          name: "Microsoft Entra ID", domain: domain, active: true, createdAt: createdAt, updatedAt: createdAt)
            user.enterpriseAccounts = [EnterpriseAccount(id: IDGenerator.make("eaac", using: &random), protocol: "oauth", provider: "oauth_custom_entra",
                                                         active: true, emailAddress: user.emailAddresses[0].emailAddress, firstName: name.first,
                                                         lastName: name.last, providerUserID: "entra-\(index)",
                                                         verification: Verification(object: "verification_oauth", status: .verified, strategy: "oauth_custom_entra", expireAt: createdAt),
                                                         enterpriseConnection: connection, lastAuthenticatedAt: now - 2 * Self.day)]
        }

        var credentials = Credentials()
        if random.chance(0.75) {
            credentials.passwordHash = passwordHash
            credentials.passwordCompromised = random.chance(0.01)
            user.passwordLastUpdatedAt = createdAt + Int64.random(in: 0...(now - createdAt), using: &random)
        }
        if random.chance(0.15) {
            credentials.totpSecret = Base32.encode((0..<20).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        if random.chance(0.1) {
            credentials.backupCodeHashes = (0..<8).map { position in
                UserDirectory.backupCodeHash(Hex.encode(UInt32.random(in: 0...UInt32.max, using: &random) ^ UInt32(position), width: 8), userID: id)
            }
        }
        if !user.phoneNumbers.isEmpty, random.chance(0.05) {
            user.phoneNumbers[0].reservedForSecondFactor = true
            user.phoneNumbers[0].defaultSecondFactor = true
        }
        user.passwordEnabled = credentials.passwordHash != nil
        user.totpEnabled = credentials.totpSecret != nil
        user.backupCodeEnabled = !credentials.backupCodeHashes.isEmpty
        user.twoFactorEnabled = user.totpEnabled || user.backupCodeEnabled || user.phoneNumbers.contains { $0.reservedForSecondFactor == true }
        if user.twoFactorEnabled { user.mfaEnabledAt = createdAt + Self.day }
        if !user.twoFactorEnabled, random.chance(0.02) { user.mfaDisabledAt = now - Int64.random(in: 0...(30 * Self.day), using: &random) }

        user.banned = random.chance(0.02)
        user.locked = random.chance(0.01)
        user.lockoutExpiresInSeconds = user.locked ? Int64.random(in: 60...3600, using: &random) : nil
        user.verificationAttemptsRemaining = user.locked ? 0 : 100
        if random.chance(0.92) {
            let activeSpan = min(now - createdAt, 365 * Self.day)
            user.lastActiveAt = now - Int64.random(in: 0...activeSpan, using: &random)
            user.lastSignInAt = (user.lastActiveAt ?? now) - Int64.random(in: 0...(7 * Self.day), using: &random)
            user.lastSignInAt = max(user.lastSignInAt ?? createdAt, createdAt)
        }
        user.legalAcceptedAt = random.chance(0.6) ? createdAt : nil
        user.deleteSelfEnabled = random.chance(0.9)
        user.createOrganizationEnabled = random.chance(0.8)

        user.publicMetadata = metadata(index: index, random: &random)
        user.privateMetadata = random.chance(0.5)
            ? ["stripe_customer_id": .string("cus_\(IDGenerator.make("x", using: &random).suffix(14))"), "support": ["tier": random.chance(0.2) ? "priority" : "standard", "notes": []]]
            : .emptyObject
        user.unsafeMetadata = random.chance(0.3) ? ["theme": random.chance(0.5) ? "dark" : "light", "onboarding": ["completed": .bool(random.chance(0.7)), "step": .int(Int64.random(in: 1...5, using: &random))]] : .emptyObject

        var demo = DemoUser(rowid: Int64(index) + 1, user: user, rows: IndexedRows(user), credentials: credentials,
                            oauthTokens: try tokens.map(Encoded.init))
        try related(&demo, index: index, random: &random)
        demo.document = try UserIndexer.encode(demo.user)
        return demo
    }

    private func metadata(index: Int, random: inout SeededRandom) -> JSONValue {
        guard random.chance(0.85) else { return .emptyObject }
        let plan = random.pick(DemoNames.plans)
        var fields: [String: JSONValue] = [
            "plan": .string(plan.1),
            "limits": ["seats": .int(Int64.random(in: 1...50, using: &random)), "api_calls": .int(Int64.random(in: 1...100, using: &random) * 1000),
                       "features": .array(["export", "sso", "audit"].filter { _ in random.chance(0.5) }.map(JSONValue.string))],
            "signup": ["source": .string(random.pick(["organic", "ads", "referral", "partner"])), "campaign": random.chance(0.3) ? .string("spring-\(index % 7)") : .null],
        ]
        if random.chance(0.2) { fields["flags"] = ["beta": .bool(random.chance(0.5)), "legacy_billing": .bool(random.chance(0.2))] }
        return .object(fields)
    }

    private func related(_ demo: inout DemoUser, index: Int, random: inout SeededRandom) throws {
        let user = demo.user
        if random.chance(0.2), !organizations.isEmpty {
            let count = random.chance(0.25) ? 2 : 1
            var seen = Set<String>()
            for _ in 0..<count {
                let organization = random.pick(organizations)
                guard seen.insert(organization.id).inserted else { continue }
                let admin = random.chance(0.2)
                demo.memberships.append(try Encoded(OrganizationMembership(
                    id: IDGenerator.make("orgmem", using: &random), role: admin ? "org:admin" : "org:member", roleName: admin ? "Admin" : "Member",
                    permissions: admin ? ["org:sys_memberships:manage", "org:sys_profile:manage"] : ["org:sys_memberships:read"],
                    organization: organization,
                    publicUserData: .init(userID: user.id, firstName: user.firstName, lastName: user.lastName, imageURL: user.imageURL ?? "",
                                          identifier: user.primaryEmailAddress?.emailAddress, username: user.username),
                    createdAt: user.createdAt + Self.day, updatedAt: user.createdAt + Self.day)))
            }
        }
        if random.chance(0.05), let organization = organizations.randomElement(using: &random), let email = user.primaryEmailAddress?.emailAddress {
            let status: OrganizationInvitation.Status = random.pick([.pending, .pending, .accepted, .revoked, .expired])
            demo.invitations.append(try Encoded(OrganizationInvitation(
                id: IDGenerator.make("orginv", using: &random), emailAddress: email, role: "org:member", roleName: "Member", status: status,
                organization: .init(id: organization.id, name: organization.name, slug: organization.slug), inviter: nil,
                expiresAt: now + 30 * Self.day, createdAt: now - 3 * Self.day, updatedAt: now - 3 * Self.day)))
        }
        if random.chance(0.15) {
            let plan = random.pick(DemoNames.plans.dropFirst().map { $0 })
            let fee = UserDirectory.money(Int64(plan.2), "USD")
            let commercePlan = BillingSubscription.Plan(id: "cplan_\(plan.1)", name: plan.0, slug: plan.1, fee: fee, productID: "prod_users")
            let start = now - Int64.random(in: 0...(29 * Self.day), using: &random)
            let payer = "cpayer_" + user.id.dropFirst(5)
            let status: BillingSubscription.Status = random.chance(0.1) ? .pastDue : .active
            let item = BillingSubscription.Item(id: IDGenerator.make("csubi", using: &random), instanceID: "ins_sandbox", status: status.rawValue,
                                                plan: commercePlan, planPeriod: random.chance(0.2) ? "annual" : "month", payerID: payer,
                                                periodStart: start, periodEnd: start + 30 * Self.day, createdAt: start)
            demo.subscription = try Encoded(BillingSubscription(
                id: IDGenerator.make("csub", using: &random), instanceID: "ins_sandbox", status: status, payerID: payer,
                createdAt: start, activeAt: start, items: [item], nextPayment: .init(date: start + 30 * Self.day, amount: fee)))
        }
        if random.chance(0.1) {
            let cents = Int64.random(in: 1...400, using: &random) * 25
            let entryID = "cledg_demo_\(demo.rowid)"
            demo.credit = try Encoded(CreditLedgerEntry(
                id: entryID, payerID: "cpayer_" + user.id.dropFirst(5), amount: UserDirectory.money(cents, "USD"), sourceType: "manual_adjustment",
                sourceID: entryID, note: "Welcome credit", createdAt: Date(unixMillis: user.createdAt).formatted(.iso8601)))
        }
        if random.chance(0.05) {
            demo.trustedDevices = [try Encoded(TrustedDevice(id: IDGenerator.make("td", using: &random), platform: random.pick(["ios", "android"]),
                                                 appIdentifier: "com.example.app", name: random.pick(["iPhone 15", "Pixel 8", "Galaxy S24"]),
                                                 status: .active, createdAt: user.createdAt, updatedAt: user.createdAt))]
        }
    }
}
