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

    /// What the operator can do about it, short enough for one line of an 80-column status area.
    public var suggestion: String {
        switch problem {
        case .refused:
            return isLoopback
                ? "Check that the sandbox (clerk-triage sandbox) still runs and --api-url has its port, then retry."
                : "Nothing listens there: check --api-url (or CLERK_API_URL), then retry."
        case .unresolvable:
            return "Check the host name in --api-url (or CLERK_API_URL) and this machine's network and DNS, then retry."
        case .connectTimedOut, .unreachable:
            return "Check this machine's network (VPN, proxy, firewall) and --api-url (or CLERK_API_URL), then retry."
        case .lost:
            return isLoopback
                ? "Check that the sandbox (clerk-triage sandbox) still runs, then retry."
                : "The server closed the connection; retry. If it keeps happening, check the network."
        case .noAnswer:
            return "The network or the server is slow or stuck; retry, and check the network if it persists."
        case .insecure:
            return "Check that --api-url (or CLERK_API_URL) uses https and the right host, or http for a local sandbox."
        case .invalidURL:
            return "Correct --api-url (or CLERK_API_URL): an http or https URL such as https://api.clerk.com/v1."
        case .other:
            return isLoopback
                ? "Check that the sandbox still runs and --api-url, then retry; the log has the details."
                : "Check --api-url (or CLERK_API_URL) and the network, then retry; the log has the details."
        }
    }

    private static func seconds(_ limit: Duration?) -> String {
        guard let limit else { return "the time allowed" }
        let (seconds, attoseconds) = limit.components
        return attoseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}
