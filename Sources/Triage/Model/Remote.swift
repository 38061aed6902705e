import ClerkAPI

/// Data that comes from the API. The last good value is kept through a reload and through a
/// failure, so the screen never trades what it knew for a spinner or an error; `isStale` says
/// that what is shown may no longer be true.
public struct Remote<Value: Sendable & Hashable>: Sendable, Hashable {
    public private(set) var value: Value?
    public private(set) var error: ClerkAPIError?
    public private(set) var isLoading = false

    public init() {}

    /// Not asked yet.
    public static var idle: Remote { Remote() }

    /// Asked, with nothing known before.
    public static var loading: Remote {
        var remote = Remote()
        remote.isLoading = true
        return remote
    }

    public static func loaded(_ value: Value) -> Remote {
        var remote = Remote()
        remote.value = value
        return remote
    }

    public var isIdle: Bool { value == nil && error == nil && !isLoading }

    /// Shown data that a reload is replacing or that a reload failed to refresh.
    public var isStale: Bool { value != nil && (isLoading || error != nil) }

    /// A reload starts; the value stays until the answer arrives.
    public mutating func reload() {
        isLoading = true
    }

    public mutating func receive(_ result: Result<Value, ClerkAPIError>) {
        isLoading = false
        switch result {
        case .success(let value):
            self.value = value
            error = nil
        case .failure(let failure):
            error = failure
        }
    }
}

/// The state of a request whose answer lives elsewhere (a user, in the user store).
public struct Fetch: Sendable, Hashable {
    public var isLoading = false
    public var error: ClerkAPIError?

    public init(isLoading: Bool = false, error: ClerkAPIError? = nil) {
        self.isLoading = isLoading
        self.error = error
    }
}
