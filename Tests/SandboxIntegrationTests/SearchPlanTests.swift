import ClerkAPI
import ClerkSandbox
import Foundation
import Testing

/// The sandbox plans text searches from how many users match and which page is asked for
/// (collect and sort, walk the order's index against collected matches, walk testing each user,
/// id prefixes through the id index, short text by scan). Whatever the plan, the answer must be
/// the one a brute-force filter of every user gives, in the same order.
@Suite("Sandbox: search plans agree with brute force")
struct SearchPlanTests {
    static let fixture = SandboxFixture()

    private func everyone(_ client: ClerkClient) async throws -> [User] {
        var users: [User] = []
        for try await user in client.users.all(matching: UserFilter(), pageSize: 500) { users.append(user) }
        return users
    }

    private static func matches(_ user: User, _ text: String) -> Bool {
        let needle = text.lowercased()
        var fields = user.emailAddresses.map(\.emailAddress) + user.phoneNumbers.map(\.phoneNumber) + user.web3Wallets.map(\.web3Wallet)
        fields += [user.username, user.fullName].compactMap { $0 }
        return user.id.hasPrefix(text) || fields.contains { $0.lowercased().contains(needle) }
    }

    private func page(_ client: ClerkClient, _ text: String, order: UserOrder, limit: Int, offset: Int) async throws -> [String] {
        var filter = UserFilter()
        filter.query = text
        return try await client.users.list(UserListQuery(filter: filter, order: order, limit: limit, offset: offset)).map(\.id)
    }

    @Test("broad, medium, rare, id-prefix and short texts, in small and large pages, both orders")
    func agrees() async throws {
        let client = try await Self.fixture.client(users: 1_500)
        let all = try await everyone(client)
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        for order in [UserOrder.newestFirst, UserOrder(.firstName, .ascending)] {
            // The expected order is the server's own order of all users (ties broken the same way).
            var ordered: [String] = []
            for offset in stride(from: 0, to: all.count, by: 500) {
                ordered += try await client.users.list(UserListQuery(order: order, limit: 500, offset: offset)).map(\.id)
            }
            for text in ["example", "example.de", "smith", "user_2", "li", "佐", "zzzz-no-such-user"] {
                let expected = ordered.filter { id in byID[id].map { Self.matches($0, text) } ?? false }
                var filter = UserFilter()
                filter.query = text
                #expect(try await client.users.count(filter) == expected.count, "count for \(text)")
                let whole = try await page(client, text, order: order, limit: 500, offset: 0)
                #expect(whole == Array(expected.prefix(500)), "one large page for \(text)")
                // Pages of 5 from the start walk testing each user when most match; later pages of
                // 12 walk against collected matches or collect, depending on how many match.
                var paged = try await page(client, text, order: order, limit: 5, offset: 0)
                for offset in stride(from: 5, to: 53, by: 12) {
                    paged += try await page(client, text, order: order, limit: 12, offset: offset)
                }
                #expect(paged == Array(expected.prefix(53)), "small pages for \(text)")
            }
        }
    }
}
