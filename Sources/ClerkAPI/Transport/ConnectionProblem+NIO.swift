import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ConnectionProblem {
    /// Sorts an error from AsyncHTTPClient or SwiftNIO by what the operator can do about it. Their
    /// own descriptions ("connection reset (error set): Connection refused) (errno: 111)") speak
    /// to programmers; this speaks to whoever has to fix the URL, the network or the server.
    package init(_ error: any Error) {
        switch error {
        case let error as HTTPClientError:
            self = Self(httpClientError: error)
        case let error as NIOConnectionError:
            self = Self(connectionError: error)
        case let error as IOError:
            self = Self(errno: error.errnoCode, connecting: false) ?? .other(error.description)
        case is SocketAddressError.UnknownHost:
            self = .unresolvable
        case let error as ChannelError:
            switch error {
            case .connectTimeout: self = .connectTimedOut
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: self = .lost
            default: self = .other(String(describing: error))
            }
        case let error as NIOSSLError:
            if case .uncleanShutdown = error { self = .lost } else { self = .insecure(String(describing: error)) }
        case let error as BoringSSLError:
            self = .insecure(String(describing: error))
        default:
            self = .other(String(describing: error))
        }
    }

    private init(httpClientError error: HTTPClientError) {
        switch error {
        case .connectTimeout, .getConnectionFromPoolTimeout:
            self = .connectTimedOut
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            self = .noAnswer
        case .remoteConnectionClosed:
            self = .lost
        case .tlsHandshakeTimeout:
            self = .insecure("the TLS handshake did not finish")
        case .invalidURL, .emptyHost, .emptyScheme:
            self = .invalidURL(error.shortDescription.lowercased())
        default:
            self = error.shortDescription == HTTPClientError.unsupportedScheme("").shortDescription
                ? .invalidURL("only http and https URLs are supported")
                : .other(String(describing: error))
        }
    }

    /// Happy Eyeballs tries every address the name resolved to; a name that resolved to nothing is
    /// a DNS problem, otherwise the most telling failure among the addresses wins.
    private init(connectionError error: NIOConnectionError) {
        let problems = error.connectionErrors.map { failure in
            (failure.error as? IOError).flatMap { Self(errno: $0.errnoCode, connecting: true) } ?? Self(failure.error)
        }
        if problems.isEmpty {
            self = error.dnsAError == nil && error.dnsAAAAError == nil ? .unreachable : .unresolvable
        } else if problems.contains(.refused) {
            self = .refused
        } else if problems.contains(.unreachable) {
            self = .unreachable
        } else {
            self = problems[0]
        }
    }

    /// A timeout while connecting means no answer to the connection attempt; on an open
    /// connection it means the connection died.
    private init?(errno code: Int32, connecting: Bool) {
        switch code {
        case ECONNREFUSED: self = .refused
        case ENETUNREACH, EHOSTUNREACH, EHOSTDOWN, ENETDOWN, EADDRNOTAVAIL: self = .unreachable
        case ETIMEDOUT: self = connecting ? .connectTimedOut : .lost
        case ECONNRESET, EPIPE, ECONNABORTED: self = .lost
        default: return nil
        }
    }
}
