import Foundation

/// Clerk timestamps are Unix epoch milliseconds.
public typealias UnixMillis = Int64

extension Date {
    public init(unixMillis: UnixMillis) {
        self.init(timeIntervalSince1970: TimeInterval(unixMillis) / 1000)
    }

    public var unixMillis: UnixMillis { UnixMillis((timeIntervalSince1970 * 1000).rounded()) }
}
