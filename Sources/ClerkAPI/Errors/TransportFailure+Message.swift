extension TransportFailure {
    /// What happened, in one plain sentence for the status bar.
    public var sentence: String {
        let address = "\(host):\(port)"
        switch problem {
        case .refused: return "cannot connect to \(address): connection refused"
        case .unresolvable: return "cannot resolve \(host)"
        case .connectTimedOut: return "cannot connect to \(address): no answer within \(Self.seconds(limit))"
        case .unreachable: return "cannot connect to \(address): no route to the host"
        case .lost: return "the connection to \(host) was lost"
        case .noAnswer: return "no answer from \(host) within \(Self.seconds(limit))"
        case .insecure(let reason): return "cannot connect securely to \(host): \(reason)"
        case .invalidURL(let reason): return "cannot use the API URL for \(host): \(reason)"
        case .other(let reason): return "cannot reach \(host): \(reason)"
        }
    }

    /// What the operator can do about it.
    public var suggestion: String {
        let server = isLoopback
            ? "Check that the sandbox (clerk-triage sandbox) is still running and --api-url names its port"
            : "Check --api-url (or CLERK_API_URL)"
        switch problem {
        case .refused:
            return "\(server); nothing is listening at \(host):\(port). Then retry."
        case .unresolvable:
            return "Check the host name in --api-url (or CLERK_API_URL) and this machine's network and DNS, then retry."
        case .connectTimedOut, .unreachable:
            return "Check this machine's network (VPN, proxy, firewall) and --api-url (or CLERK_API_URL), then retry."
        case .lost:
            return isLoopback
                ? "Check that the sandbox (clerk-triage sandbox) is still running, then retry."
                : "The server closed the connection; retry. If it keeps happening, check the network."
        case .noAnswer:
            return "The network or the server is slow or stuck; retry, and check the network if it persists."
        case .insecure:
            return "Check that --api-url (or CLERK_API_URL) uses https with the right host, or http for a local sandbox."
        case .invalidURL:
            return "Correct --api-url (or CLERK_API_URL): it must be an http or https URL such as https://api.clerk.com/v1."
        case .other:
            return "\(server), and the network, then retry; the log has the details."
        }
    }

    private static func seconds(_ limit: Duration?) -> String {
        guard let limit else { return "the time allowed" }
        let (seconds, attoseconds) = limit.components
        return attoseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}
