import ClerkAPI
import Terminal
import Triage

enum Fake {
    static let now: UnixMillis = 1_790_000_000_000

    static func user(_ index: Int, first: String? = nil, banned: Bool = false) -> User {
        var user = User(id: "user_\(index)", createdAt: now - Int64(index) * 3_600_000, updatedAt: now)
        user.firstName = first ?? "First\(index)"
        user.lastName = "Last"
        user.emailAddresses = [EmailAddress(id: "idn_e\(index)", emailAddress: "u\(index)@example.com",
                                            verification: Verification(status: .verified, strategy: "email_code"), createdAt: now, updatedAt: now)]
        user.primaryEmailAddressID = "idn_e\(index)"
        user.lastActiveAt = now - 3 * 3_600_000
        user.banned = banned
        return user
    }

    static func users(_ range: Range<Int>) -> [User] { range.map { user($0) } }

    static func model(width: Int = 120, height: Int = 40, kind: Instance.Kind = .sandbox) -> TriageModel {
        TriageModel(instance: Instance(kind: kind, baseURL: "http://127.0.0.1:9/v1", maskedKey: "sk_test_…abcd"),
                    theme: .monochrome, size: Size(width: width, height: height), now: now)
    }

    /// A model whose first search has been answered with `total` users.
    static func loaded(total: Int, width: Int = 120, height: Int = 40) -> TriageModel {
        var model = Self.model(width: width, height: height)
        _ = TriageUpdate.start(&model)
        let size = model.pageSize
        _ = TriageUpdate.update(&model, .countLoaded(generation: model.browse.generation, .success(total)))
        _ = TriageUpdate.update(&model, .pageLoaded(generation: model.browse.generation, key: .init(offset: 0, limit: size), prefetch: false,
                                                    .success(users(0..<min(size, total)))))
        return model
    }

    static let notFound = ClerkAPIError.api(APIFailure(
        status: 503, errors: [ClerkErrorEntry(message: "unavailable", longMessage: "Clerk is briefly unavailable.", code: "service_unavailable")],
        traceID: "trace-xyz", retryAfterSeconds: nil, method: "GET", path: "/users"))
}

extension TriageModel {
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += TriageUpdate.update(&self, .key(key)) }
        return effects
    }

    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for character in text { effects += TriageUpdate.update(&self, .key(.character(character))) }
        return effects
    }

    var screenText: String { TriageView.render(self).rows.joined(separator: "\n") }

    /// Puts `users` on screen as the current page's rows, replacing what the page held.
    mutating func show(_ users: [User]) {
        self.users.put(users)
        browse.shown?.ids = users.map(\.id)
    }
}

extension OrganizationMembership {
    static func fake(organization name: String) -> OrganizationMembership {
        OrganizationMembership(id: "orgmem_1", role: "org:member", roleName: "Member", permissions: [],
                               organization: Organization(id: "org_1", name: name, slug: "old", membersCount: 1, createdAt: Fake.now, updatedAt: Fake.now),
                               publicUserData: nil, createdAt: Fake.now, updatedAt: Fake.now)
    }
}
