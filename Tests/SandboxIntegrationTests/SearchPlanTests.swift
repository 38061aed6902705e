import ClerkAPI
import ClerkSandbox
import Foundation
import Testing

/// The sandbox answers text filters from an in-memory index and plans pages from how many users
/// match and which page is asked for (collect and sort, or walk the order's index testing each
/// user; id prefixes through the id index). Whatever the plan, the answer must be the one a
/// brute-force filter of every user gives, in the same order, for every filter and any text:
/// broad, rare, one character, matching nobody.
@Suite("Sandbox: search plans agree with brute force")
struct SearchPlanTests {
    static let fixture = SandboxFixture()
    /// Apart, so that its writes never change what the other tests compare.
    static let writable = SandboxFixture()

    enum TextFilter: CaseIterable {
        case query, email, phone, username, name

        func apply(_ text: String, to filter: inout UserFilter) {
            switch self {
            case .query: filter.query = text
            case .email: filter.emailAddressQuery = text
            case .phone: filter.phoneNumberQuery = text
            case .username: filter.usernameQuery = text
            case .name: filter.nameQuery = text
            }
        }

        func values(_ user: User) -> [String] {
            let phones = user.phoneNumbers.flatMap { [$0.phoneNumber, $0.phoneNumber.filter(\.isNumber)] }
            switch self {
            case .query:
                return user.emailAddresses.map(\.emailAddress) + phones + user.web3Wallets.map(\.web3Wallet)
                    + [user.username, user.fullName].compactMap { $0 }
            case .email: return user.emailAddresses.map(\.emailAddress)
            case .phone: return phones
            case .username: return [user.username].compactMap { $0 }
            case .name: return [user.fullName].compactMap { $0 }
            }
        }

        /// Case-insensitive containment of code points, as Clerk's partial matches mean.
        func matches(_ user: User, _ text: String) -> Bool {
            if self == .query, user.id.hasPrefix(text) { return true }
            let needle = Array(text.lowercased().utf8)
            return values(user).contains { Self.contains(Array($0.lowercased().utf8), needle) }
        }

        static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard needle.count <= haystack.count else { return false }
            return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
    }

    private func everyone(_ client: ClerkClient) async throws -> [User] {
        var users: [User] = []
        for try await user in client.users.all(matching: UserFilter(), pageSize: 500) { users.append(user) }
        return users
    }

    /// Random pieces (1–8 characters) of the values `filter` looks in, some with a character
    /// changed so that they match nobody.
    private func pieces(_ users: [User], _ filter: TextFilter, count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        var texts: [String] = []
        while texts.count < count {
            let values = filter.values(random.pick(users)).map { Array($0) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { continue }
            let value = random.pick(values)
            let length = min(value.count, Int.random(in: 1...8, using: &random))
            let start = Int.random(in: 0...(value.count - length), using: &random)
            var piece = value[start..<(start + length)]
            if random.chance(0.2) { piece[piece.startIndex + Int.random(in: 0..<length, using: &random)] = random.pick(["林", "ж", "q", "7"]) }
            texts.append(String(piece))
        }
        return texts
    }

    private func list(_ client: ClerkClient, _ filter: UserFilter, order: UserOrder, limit: Int, offset: Int) async throws -> [String] {
        try await client.users.list(UserListQuery(filter: filter, order: order, limit: limit, offset: offset)).map(\.id)
    }

    /// Compares counts, one large page and a run of small pages with the brute-force answer.
    private func check(_ client: ClerkClient, _ filter: UserFilter, expected: [String], order: UserOrder, _ what: String) async throws {
        #expect(try await client.users.count(filter) == expected.count, "count for \(what)")
        #expect(try await list(client, filter, order: order, limit: 500, offset: 0) == Array(expected.prefix(500)), "one large page for \(what)")
        // Small pages from the start walk when most users match; later, larger pages collect.
        var paged = try await list(client, filter, order: order, limit: 5, offset: 0)
        for offset in stride(from: 5, to: 53, by: 12) {
            paged += try await list(client, filter, order: order, limit: 12, offset: offset)
        }
        #expect(paged == Array(expected.prefix(53)), "small pages for \(what)")
    }

    @Test("every text filter, fixed and random texts (broad, rare, short, matching nobody), both orders, alone and with another filter")
    func agrees() async throws {
        let client = try await Self.fixture.client(users: 1_500)
        let all = try await everyone(client)
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        let fixed = ["example", "example.de", "smith", "user_2", "use", "li", "佐", "林", "e", "zzzz-no-such-user", "+1", "0x"]
        for order in [UserOrder.newestFirst, UserOrder(.firstName, .ascending)] {
            // The expected order is the server's own order of all users (ties broken the same way).
            var ordered: [String] = []
            for offset in stride(from: 0, to: all.count, by: 500) {
                ordered += try await list(client, UserFilter(), order: order, limit: 500, offset: offset)
            }
            for (index, textFilter) in TextFilter.allCases.enumerated() {
                for text in fixed + pieces(all, textFilter, count: 8, seed: UInt64(index + 1)) {
                    var filter = UserFilter()
                    textFilter.apply(text, to: &filter)
                    let expected = ordered.filter { id in byID[id].map { textFilter.matches($0, text) } ?? false }
                    try await check(client, filter, expected: expected, order: order, "\(textFilter) \(text)")
                }
            }
            // With a filter SQL answers: counts and pages then test the text's matches against its rows.
            for text in ["e", "li", "example", "林"] {
                var filter = UserFilter()
                filter.query = text
                filter.banned = false
                let expected = ordered.filter { id in byID[id].map { !$0.banned && TextFilter.query.matches($0, text) } ?? false }
                try await check(client, filter, expected: expected, order: order, "query \(text) and not banned")
            }
        }
    }

    @Test("two text filters together give the users both match")
    func combines() async throws {
        let client = try await Self.fixture.client(users: 1_500)
        let all = try await everyone(client)
        var filter = UserFilter()
        filter.nameQuery = "a"
        filter.emailAddressQuery = "example.c"
        let expected = all.filter { TextFilter.name.matches($0, "a") && TextFilter.email.matches($0, "example.c") }.map(\.id)
        try await check(client, filter, expected: expected, order: .newestFirst, "name a and email example.c")
    }

    @Test("created, renamed and deleted users are found by what they are now, at once")
    func followsWrites() async throws {
        let client = try await Self.writable.client(users: 60)
        let suffix = Unique.suffix()
        let user = try await client.users.makeUser(suffix)
        func found(_ text: String, _ textFilter: TextFilter) async throws -> Bool {
            var filter = UserFilter()
            textFilter.apply(text, to: &filter)
            let ids = try await client.users.list(UserListQuery(filter: filter, limit: 500)).map(\.id)
            return ids.contains(user.id)
        }
        #expect(try await found("ita\(suffix)", .name))
        #expect(try await found("it.\(suffix)@", .email))
        #expect(try await found("it_\(suffix)", .query))
        var rename = UpdateUserRequest()
        rename.firstName = .set("Renamed\(suffix)")
        rename.username = .set("moved_\(suffix)")
        _ = try await client.users.update(user.id, rename)
        #expect(try await !found("ita\(suffix)", .name), "the old name no longer matches")
        #expect(try await found("renamed\(suffix)", .name))
        #expect(try await !found("it_\(suffix)", .username))
        #expect(try await found("moved_\(suffix)", .query))
        #expect(try await found("it.\(suffix)@", .email), "unchanged addresses still match")
        _ = try await client.users.delete(user.id)
        #expect(try await !found("moved_\(suffix)", .query))
        #expect(try await !found(suffix, .email))
    }
}
