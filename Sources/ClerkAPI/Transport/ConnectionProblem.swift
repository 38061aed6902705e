/// Why a request got no HTTP answer, sorted by what the operator can do about it.
public enum ConnectionProblem: Sendable, Hashable {
    /// Nothing listens at the address: the server is down, or the port is wrong.
    case refused
    /// The host name does not resolve: a typo in the URL, or no DNS.
    case unresolvable
    /// No connection within the connect timeout.
    case connectTimedOut
    /// No route to the host: the network is down, or a VPN or firewall is in the way.
    case unreachable
    /// The connection closed or reset before a whole answer arrived.
    case lost
    /// Connected, but no whole answer before the request's deadline.
    case noAnswer
    /// The TLS handshake failed (the certificate, or not TLS at all), with the library's reason.
    case insecure(String)
    /// The URL cannot be requested at all (unsupported scheme, no host), with the reason.
    case invalidURL(String)
    /// Anything else, with the underlying error's text.
    case other(String)

    /// Whether repeating the request soon could get an answer. A refused, unresolvable or
    /// unreachable server stays so for longer than any retry waits: the operator hears at once
    /// and retries when it is back, instead of watching a spinner.
    public var isWorthRetrying: Bool {
        switch self {
        case .lost, .noAnswer, .other: true
        case .refused, .unresolvable, .connectTimedOut, .unreachable, .insecure, .invalidURL: false
        }
    }

    /// Whether the request certainly did not reach the server: no connection was ever made (or no
    /// secure one), so no HTTP byte was sent. A mutation that failed so was not applied, and the
    /// command layer need not read back to find out. A lost connection or a missing answer leaves
    /// that open.
    public var requestNeverReachedServer: Bool {
        switch self {
        case .refused, .unresolvable, .connectTimedOut, .unreachable, .insecure, .invalidURL: true
        case .lost, .noAnswer, .other: false
        }
    }
}
