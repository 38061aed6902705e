public struct Web3Wallet: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var object: String
    public var web3Wallet: String
    @Nullable public var verification: Verification?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis

    public init(id: String, web3Wallet: String, verification: Verification?, createdAt: UnixMillis, updatedAt: UnixMillis) {
        self.id = id
        self.object = "web3_wallet"
        self.web3Wallet = web3Wallet
        self.verification = verification
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, verification
        case web3Wallet = "web3_wallet"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
