import ClerkAPI
import ClerkSandbox

/// The text filters the sandbox benchmark times.
enum BenchFilter: CaseIterable {
    case query, emailAddressQuery, nameQuery

    var parameter: String {
        switch self {
        case .query: "query"
        case .emailAddressQuery: "email_address_query"
        case .nameQuery: "name_query"
        }
    }

    func filter(_ text: String) -> UserFilter {
        var filter = UserFilter()
        switch self {
        case .query: filter.query = text
        case .emailAddressQuery: filter.emailAddressQuery = text
        case .nameQuery: filter.nameQuery = text
        }
        return filter
    }

    /// What an agent might have seen of a user and type part of into this filter.
    func sources(_ user: User) -> [String] {
        let names = [user.firstName, user.lastName, user.fullName].compactMap { $0 }
        let emails = user.emailAddresses.map(\.emailAddress)
        switch self {
        case .query: return names + emails + user.phoneNumbers.map(\.phoneNumber) + [user.username].compactMap { $0 }
        case .emailAddressQuery: return emails
        case .nameQuery: return names
        }
    }
}

/// Texts nobody chose: random pieces of the generated users' names, addresses, usernames and
/// phones, in whatever script they are in, and some with one character changed so that they
/// match nobody (a scan of everything, the slowest case).
struct BenchTexts {
    enum Band: String, CaseIterable {
        case short = "1-2 chars"
        case long = "3-8 chars"

        var lengths: ClosedRange<Int> { self == .short ? 1...2 : 3...8 }
    }

    private var random: SeededRandom
    private let users: [User]
    /// Characters from every script in the demo data and some from none of it.
    private static let strangers: [Character] = ["林", "q", "ж", "ש", "ك", "ñ", "7", "é", "ん", "Ω", "x", "ह", "@", "ß"]

    init(users: [User], seed: UInt64) {
        self.users = users
        random = SeededRandom(seed: seed)
    }

    /// `count` texts for `filter` whose length falls in `band`.
    mutating func draw(_ count: Int, for filter: BenchFilter, in band: Band) -> [String] {
        var texts: [String] = []
        while texts.count < count {
            let sources = filter.sources(random.pick(users)).map { Array($0) }.filter { !$0.isEmpty }
            guard !sources.isEmpty else { continue }
            let source = random.pick(sources)
            let length = Int.random(in: band.lengths, using: &random)
            guard source.count >= length else { continue }
            let start = Int.random(in: 0...(source.count - length), using: &random)
            var piece = Array(source[start..<(start + length)])
            if random.chance(0.125) {
                piece[Int.random(in: 0..<piece.count, using: &random)] = random.pick(Self.strangers)
            }
            texts.append(String(piece))
        }
        return texts
    }

    /// `text` with control and format characters spelled out, safe to print to a terminal.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: "\\u{\(String(scalar.value, radix: 16))}"
            default: String(scalar)
            }
        }.joined()
    }
}
