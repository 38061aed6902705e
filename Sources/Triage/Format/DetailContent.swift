import ClerkAPI
import Terminal

/// The lines of each detail section, built from the user and what has been loaded about them.
public struct DetailContent {
    let theme: Theme
    let now: UnixMillis

    public init(theme: Theme, now: UnixMillis) {
        self.theme = theme
        self.now = now
    }

    /// The open section's lines. When a reload failed, its error comes first and what was loaded
    /// before stays below it, rather than the error replacing what the agent was reading.
    public func lines(_ detail: DetailState, user: User?) -> [StyledLine] {
        guard let user else {
            if let error = detail.fetch.error { return errorLines(error, retry: "r reloads") }
            return [[Span("Loading \(detail.userID)…", theme[.muted])]]
        }
        var lines: [StyledLine] = []
        if let error = detail.fetch.error {
            lines = [[Span("Could not reload this user; showing what was loaded before.", theme[.warning])]] + errorLines(error, retry: "r retries") + [[]]
        }
        switch detail.section {
        case .profile: lines += profile(user)
        case .identifications: lines += identifications(user)
        case .mfa: lines += mfa(user)
        case .metadata: lines += metadata(user)
        case .organizations:
            lines += staleNotice(detail.memberships, detail.invitations) + organizations(detail)
        case .billing:
            lines += staleNotice(detail.credits, detail.subscription) + billing(detail)
        }
        return lines
    }

    /// A section reload that failed keeps its old data; the error says so above it.
    private func staleNotice<A, B>(_ first: Remote<A>, _ second: Remote<B>) -> [StyledLine] {
        let errors = [first.isStale ? first.error : nil, second.isStale ? second.error : nil].compactMap { $0 }
        guard let error = errors.first else { return [] }
        return [[Span("Could not reload this section; showing what was loaded before.", theme[.warning])]] + errorLines(error, retry: "r retries") + [[]]
    }

    /// A label column of fixed width. A label too long for it is cut with … and always leaves a
    /// space before the value, so the two never run together.
    private func field(_ label: String, _ value: String, _ role: ThemeRole = .base) -> StyledLine {
        [Span(label.truncated(toColumns: Self.labelColumns - 1).fitted(toColumns: Self.labelColumns), theme[.muted]), Span(value, theme[role])]
    }

    static let labelColumns = 22

    private func heading(_ text: String) -> StyledLine { [Span(text, theme[.accent].adding(.bold))] }

    private func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    func profile(_ user: User) -> [StyledLine] {
        var lines: [StyledLine] = [
            field("Name", user.fullName ?? "—"),
            field("First name", user.firstName ?? "—"),
            field("Last name", user.lastName ?? "—"),
            field("Username", user.username ?? "—"),
            field("User id", user.id),
            field("External id", user.externalID ?? "—"),
            field("Created", RelativeTime.full(user.createdAt, now: now)),
            field("Updated", RelativeTime.full(user.updatedAt, now: now)),
            field("Last sign-in", RelativeTime.full(user.lastSignInAt, now: now)),
            field("Last active", RelativeTime.full(user.lastActiveAt, now: now)),
            field("Locale", user.locale ?? "—"),
            field("Image", user.hasImage ? (user.imageURL ?? "—") : "default (\(user.imageURL ?? "—"))"),
            [],
            field("Banned", yesNo(user.banned), user.banned ? .banned : .base),
        ]
        if user.locked {
            let expiry = user.lockoutExpiresInSeconds.map { "locked, lockout expires in \(Self.duration($0))" } ?? "locked"
            lines.append(field("Locked", expiry, .locked))
        } else {
            lines.append(field("Locked", "no"))
        }
        lines += [
            field("Sign-in attempts left", user.verificationAttemptsRemaining.map(String.init) ?? "—"),
            field("Password", user.passwordEnabled ? "set, last changed \(RelativeTime.full(user.passwordLastUpdatedAt, now: now))" : "none"),
            field("Legal accepted", user.legalAcceptedAt.map { RelativeTime.full($0, now: now) } ?? "no"),
            field("Can delete self", yesNo(user.deleteSelfEnabled)),
            field("Can create orgs", user.createOrganizationEnabled ? "yes" + (user.createOrganizationsLimit.map { $0 > 0 ? ", up to \($0)" : ", unlimited" } ?? "") : "no"),
        ]
        if let bypass = user.bypassClientTrust { lines.append(field("Bypass client trust", yesNo(bypass))) }
        if user.deprovisioned == true { lines.append(field("Deprovisioned", "yes", .warning)) }
        return lines
    }

    func identifications(_ user: User) -> [StyledLine] {
        var lines: [StyledLine] = [heading("Email addresses (\(user.emailAddresses.count))")]
        for email in user.emailAddresses {
            let primary = email.id == user.primaryEmailAddressID ? " ★ primary" : ""
            lines.append([Span("  " + email.emailAddress, theme[.base]), Span(primary, theme[.accent])])
            lines.append(field("    verification", verification(email.verification) + (email.reserved ? ", reserved" : "")))
            if !email.linkedTo.isEmpty {
                lines.append(field("    linked to", email.linkedTo.map { "\($0.type) \($0.id)" }.joined(separator: ", ")))
            }
            lines.append(field("    id", email.id, .muted))
        }
        lines += [[], heading("Phone numbers (\(user.phoneNumbers.count))")]
        for phone in user.phoneNumbers {
            let primary = phone.id == user.primaryPhoneNumberID ? " ★ primary" : ""
            let secondFactor = phone.reservedForSecondFactor == true ? " · second factor" + (phone.defaultSecondFactor == true ? " (default)" : "") : ""
            lines.append([Span("  " + phone.phoneNumber, theme[.base]), Span(primary + secondFactor, theme[.accent])])
            lines.append(field("    verification", verification(phone.verification) + (phone.reserved ? ", reserved" : "")))
            if !phone.linkedTo.isEmpty { lines.append(field("    linked to", phone.linkedTo.map { "\($0.type) \($0.id)" }.joined(separator: ", "))) }
        }
        lines += [[], heading("Web3 wallets (\(user.web3Wallets.count))")]
        for wallet in user.web3Wallets {
            let primary = wallet.id == user.primaryWeb3WalletID ? " ★ primary" : ""
            lines.append([Span("  " + wallet.web3Wallet, theme[.base]), Span(primary, theme[.accent])])
            lines.append(field("    verification", verification(wallet.verification)))
        }
        lines += [[], heading("Passkeys (\(user.passkeys.count))")]
        for passkey in user.passkeys {
            lines.append(field("  " + passkey.name, "last used \(RelativeTime.format(passkey.lastUsedAt, now: now)) · \(passkey.id)"))
        }
        lines += [[], heading("External accounts (\(user.externalAccounts.count))")]
        for account in user.externalAccounts {
            lines.append([Span("  " + account.provider, theme[.base]), Span("  " + account.emailAddress, theme[.muted])])
            lines.append(field("    provider user id", account.providerUserID))
            lines.append(field("    scopes", account.scopes.joined(separator: " ")))
            lines.append(field("    verification", verification(account.verification)))
        }
        lines += [[], heading("SAML accounts (\(user.samlAccounts.count))")]
        for account in user.samlAccounts {
            lines.append(field("  " + account.provider, "\(account.emailAddress)\(account.active ? "" : " (inactive)")"))
            if let connection = account.samlConnection { lines.append(field("    connection", "\(connection.name) \(connection.domain ?? "")")) }
        }
        lines += [[], heading("Enterprise accounts (\(user.enterpriseAccounts.count))")]
        for account in user.enterpriseAccounts {
            lines.append(field("  " + account.provider, "\(account.emailAddress) via \(account.protocol ?? "?")\(account.active ? "" : " (inactive)")"))
            if let connection = account.enterpriseConnection { lines.append(field("    connection", "\(connection.name) \(connection.domain ?? "")")) }
        }
        return lines
    }

    func mfa(_ user: User) -> [StyledLine] {
        var lines: [StyledLine] = [
            field("Two-factor", user.twoFactorEnabled ? "enabled" : "disabled", user.twoFactorEnabled ? .success : .warning),
            field("TOTP", user.totpEnabled ? "enabled" : "no"),
            field("Backup codes", user.backupCodeEnabled ? "enabled" : "no"),
            field("MFA enabled", user.mfaEnabledAt.map { RelativeTime.full($0, now: now) } ?? "—"),
            field("MFA disabled", user.mfaDisabledAt.map { RelativeTime.full($0, now: now) } ?? "—"),
            field("Passkeys", "\(user.passkeys.count)"),
            [],
            heading("Phone numbers reserved for second factor"),
        ]
        let reserved = user.phoneNumbers.filter { $0.reservedForSecondFactor == true }
        if reserved.isEmpty { lines.append([Span("  none", theme[.muted])]) }
        for phone in reserved {
            lines.append([Span("  " + phone.phoneNumber + (phone.defaultSecondFactor == true ? " (default)" : ""), theme[.base])])
        }
        return lines
    }

    func metadata(_ user: User) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (title, value) in [("Public metadata", user.publicMetadata), ("Private metadata", user.privateMetadata ?? .emptyObject), ("Unsafe metadata", user.unsafeMetadata ?? .emptyObject)] {
            if !lines.isEmpty { lines.append([]) }
            lines.append(heading(title))
            lines += JSONLines.render(value, theme: theme, indent: "  ")
        }
        return lines
    }

    func organizations(_ detail: DetailState) -> [StyledLine] {
        var lines: [StyledLine] = [heading("Memberships")]
        switch (detail.memberships.value, detail.memberships.error) {
        case (let list?, _):
            if list.data.isEmpty { lines.append([Span("  none", theme[.muted])]) }
            for membership in list.data {
                lines.append(field("  " + membership.organization.name, "\(membership.roleName ?? membership.role) · since \(RelativeTime.date(membership.createdAt)) · \(membership.organization.id)"))
            }
            if list.totalCount > list.data.count { lines.append([Span("  … \(list.totalCount - list.data.count) more", theme[.muted])]) }
        case (nil, let error?): lines += errorLines(error, retry: "r reloads")
        default: lines.append([Span("  loading…", theme[.muted])])
        }
        lines += [[], heading("Invitations")]
        switch (detail.invitations.value, detail.invitations.error) {
        case (let list?, _):
            if list.data.isEmpty { lines.append([Span("  none", theme[.muted])]) }
            for invitation in list.data {
                let organization = invitation.publicOrganizationData?.name ?? invitation.organizationID ?? "?"
                lines.append(field("  " + organization, "\(invitation.status?.rawValue ?? "?") · \(invitation.roleName) · \(invitation.emailAddress)"))
            }
        case (nil, let error?): lines += errorLines(error, retry: "r reloads")
        default: lines.append([Span("  loading…", theme[.muted])])
        }
        return lines
    }

    func billing(_ detail: DetailState) -> [StyledLine] {
        var lines: [StyledLine] = [heading("Credit balance")]
        switch (detail.credits.value, detail.credits.error) {
        case (let credits?, _):
            if let balance = credits.balance {
                lines.append(field("  Balance", "\(balance.currencySymbol)\(balance.amountFormatted) \(balance.currency)"))
            } else {
                lines.append(field("  Balance", "no credits"))
            }
        case (nil, let error?): lines += errorLines(error, retry: "r reloads")
        default: lines.append([Span("  loading…", theme[.muted])])
        }
        lines += [[], heading("Subscription")]
        switch (detail.subscription.value, detail.subscription.error) {
        case (let subscription??, _):
            lines.append(field("  Status", subscription.status.rawValue, subscription.status == .active ? .success : .warning))
            for item in subscription.subscriptionItems {
                let plan = item.plan.map { "\($0.name)\($0.fee.map { " \($0.currencySymbol)\($0.amountFormatted)" } ?? "")" } ?? (item.planID ?? "?")
                lines.append(field("  Plan", "\(plan) per \(item.planPeriod) · \(item.status)"))
                lines.append(field("  Period", "\(RelativeTime.date(item.periodStart)) → \(RelativeTime.date(item.periodEnd))"))
            }
            if let next = subscription.nextPayment {
                lines.append(field("  Next payment", "\(next.amount.currencySymbol)\(next.amount.amountFormatted) on \(RelativeTime.date(next.date))"))
            }
        case (.some(nil), _): lines.append([Span("  no subscription", theme[.muted])])
        case (nil, let error?): lines += errorLines(error, retry: "r reloads")
        default: lines.append([Span("  loading…", theme[.muted])])
        }
        return lines
    }

    func errorLines(_ error: ClerkAPIError, retry: String) -> [StyledLine] {
        var lines: [StyledLine] = [[Span("  " + error.description, theme[.error])]]
        if !error.suggestion.isEmpty { lines.append([Span("  " + error.suggestion, theme[.muted])]) }
        if let trace = error.traceID { lines.append([Span("  trace id: \(trace)", theme[.muted])]) }
        lines.append([Span("  " + retry, theme[.hint])])
        return lines
    }

    private func verification(_ verification: Verification?) -> String {
        guard let verification else { return "none" }
        return "\(verification.status.rawValue) (\(verification.strategy))"
    }

    static func duration(_ seconds: Int64) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h \(seconds % 3600 / 60)m"
    }
}
