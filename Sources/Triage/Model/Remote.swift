import ClerkAPI

/// Data that comes from the API: not asked yet, on its way, here, or failed.
public enum Remote<Value: Sendable & Hashable>: Sendable, Hashable {
    case idle
    case loading
    case loaded(Value)
    case failed(ClerkAPIError)

    public var value: Value? {
        if case .loaded(let value) = self { return value }
        return nil
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }
}
