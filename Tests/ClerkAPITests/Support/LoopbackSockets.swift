import Foundation
import Glibc

/// Real loopback TCP sockets for the transport's failure paths: a port nothing listens on, a
/// server that accepts and never answers, a server that hangs up on every connection.
enum LoopbackSockets {
    /// A port that refuses connections: bound (so the kernel picked a free one), then closed.
    static func refusingPort() throws -> Int {
        let socket = try listeningSocket(listen: false)
        let port = try port(of: socket)
        close(socket)
        return port
    }

    /// Listens and never accepts: the kernel completes connections into the backlog, and nobody
    /// ever reads the request or answers it.
    final class SilentServer: @unchecked Sendable {
        let port: Int
        private let socket: Int32

        init() throws {
            socket = try LoopbackSockets.listeningSocket(listen: true)
            port = try LoopbackSockets.port(of: socket)
        }

        func stop() { close(socket) }
    }

    /// Never completes a connection: a listen backlog of zero, filled by connections of its own, so
    /// the kernel drops every further connection attempt as a host that does not answer would.
    final class FullBacklogServer: @unchecked Sendable {
        let port: Int
        private let socket: Int32
        private var fillers: [Int32] = []

        init() throws {
            socket = try LoopbackSockets.listeningSocket(listen: true, backlog: 0)
            port = try LoopbackSockets.port(of: socket)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            for _ in 0..<2 {
                let filler = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                fillers.append(filler)
            }
        }

        func stop() {
            fillers.forEach { close($0) }
            close(socket)
        }
    }

    /// Accepts every connection and closes it at once with a reset, before any answer.
    final class HangingUpServer: @unchecked Sendable {
        let port: Int
        private let socket: Int32
        private let thread: Thread

        init() throws {
            let socket = try LoopbackSockets.listeningSocket(listen: true)
            self.socket = socket
            port = try LoopbackSockets.port(of: socket)
            thread = Thread {
                while true {
                    let connection = accept(socket, nil, nil)
                    if connection < 0 { return }
                    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                    setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                    close(connection)
                }
            }
            thread.start()
        }

        /// Shutting the socket down wakes the blocked `accept`, which then fails and ends the thread.
        func stop() {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    fileprivate static func listeningSocket(listen shouldListen: Bool, backlog: Int32 = 16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket", errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { close(fd); throw SocketError("bind", errno) }
        if shouldListen, listen(fd, backlog) != 0 { close(fd); throw SocketError("listen", errno) }
        return fd
    }

    fileprivate static func port(of fd: Int32) throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard found == 0 else { throw SocketError("getsockname", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct SocketError: Error, CustomStringConvertible {
        var description: String
        init(_ call: String, _ code: Int32) { description = "\(call) failed: \(String(cString: strerror(code)))" }
    }
}
