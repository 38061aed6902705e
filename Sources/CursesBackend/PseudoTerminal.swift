import CPseudoTerminal
import Glibc
import Synchronization

/// A pseudo-terminal pair of a given size whose output bytes are counted: the benchmark runs
/// the real backend on the slave side and types into, and measures, the master side.
public final class PseudoTerminal: Sendable {
    public let master: Int32
    public let slave: Int32
    private let bytes = Atomic<Int>(0)
    /// The last bytes sent, kept so that a benchmark can show what one change cost.
    private let recent = Mutex<[UInt8]>([])
    private static let recentLimit = 16_384

    public init(width: Int, height: Int) throws {
        var masterDescriptor: Int32 = -1
        var slaveDescriptor: Int32 = -1
        guard ct_open_pty(UInt16(height), UInt16(width), &masterDescriptor, &slaveDescriptor) == 0 else {
            throw CursesStartError(description: "could not open a pseudo-terminal")
        }
        master = masterDescriptor
        slave = slaveDescriptor
    }

    /// Bytes the terminal has been sent so far.
    public var bytesWritten: Int { bytes.load(ordering: .acquiring) }

    /// Starts draining the master side on a thread of its own, counting as it goes.
    public func startCounting() {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                recent.withLock { recent in
                    recent.append(contentsOf: buffer[0..<count])
                    if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
                }
                bytes.add(count, ordering: .releasing)
            }
        }
        thread.start()
    }

    /// The last `count` bytes sent (at most 16 KiB back).
    public func lastBytes(_ count: Int) -> [UInt8] {
        recent.withLock { Array($0.suffix(count)) }
    }

    /// Changes the window size, as a terminal emulator does when its window is resized.
    public func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(clamping: height), ws_col: UInt16(clamping: width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types `text` as keystrokes.
    public func type(_ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    public func openFile(mode: String) -> UnsafeMutablePointer<FILE>? {
        fdopen(dup(slave), mode)
    }
}

import Foundation
