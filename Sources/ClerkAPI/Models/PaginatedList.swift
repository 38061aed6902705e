/// `{"data": [...], "total_count": N}`, the envelope of organisation memberships, invitations and
/// trusted devices.
public struct PaginatedList<Element: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var data: [Element]
    public var totalCount: Int

    public init(data: [Element], totalCount: Int) {
        self.data = data
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }
}
