import ClerkAPI
import Foundation
import Terminal
import Testing
@testable import Triage

/// Whole frames, compared character for character with the files in `Snapshots/`. A change to any
/// cell shows up as a diff of the frame. `RECORD_SNAPSHOTS=1 swift test --filter Snapshot` rewrites
/// the files; read the diff before committing them.
@Suite("Full-frame snapshots")
struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static func frame(_ name: String, _ model: TriageModel) throws {
        let text = TriageView.render(model).rows.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)-\(model.size.width)x\(model.size.height).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) at \(model.size.width)×\(model.size.height) differs from \(url.lastPathComponent):\n\(text)")
    }

    static func browsing(_ size: Size) -> TriageModel {
        var model = Fake.loaded(total: 4118, width: size.width, height: size.height)
        var banned = Fake.user(1, first: "王芳", banned: true)
        banned.twoFactorEnabled = true
        var locked = Fake.user(2, first: "Zoë")
        locked.locked = true
        model.users.put([banned, locked])
        _ = model.press(.down, .character(" "))
        return model
    }

    @Test("the user table", arguments: sizes)
    func browse(size: Size) throws {
        try Self.frame("browse", Self.browsing(size))
    }

    @Test("a new search loading over the old rows", arguments: sizes)
    func staleRows(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character("/"))
        _ = model.type("emma")
        _ = TriageUpdate.update(&model, .searchDue(generation: model.browse.generation))
        try Self.frame("stale", model)
    }

    @Test("the error screen", arguments: sizes)
    func error(size: Size) throws {
        var model = Fake.model(width: size.width, height: size.height)
        _ = TriageUpdate.start(&model)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 0, limit: model.pageSize), prefetch: false, .failure(Fake.notFound)))
        try Self.frame("error", model)
    }

    @Test("a user's profile", arguments: sizes)
    func detail(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.up, .enter)
        try Self.frame("detail", model)
    }

    @Test("a failed reload over a user's identifications", arguments: sizes)
    func staleDetail(size: Size) throws {
        var model = Self.browsing(size)
        var user = Fake.user(0)
        user.passkeys = [Passkey(id: "pk_1", name: "MacBook Pro Touch ID sensor", lastUsedAt: Fake.now - 60_000, verification: nil)]
        model.users.put(user)
        _ = model.press(.up, .up, .enter, .character("2"), .character("r"))
        _ = TriageUpdate.update(&model, .userLoaded(id: "user_0", .failure(Fake.notFound)))
        try Self.frame("detail-stale", model)
    }

    @Test("the help overlay", arguments: sizes)
    func help(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character("?"))
        try Self.frame("help", model)
    }

    @Test("the ban dialog", arguments: sizes)
    func banDialog(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character("u"), .up, .up, .character("B"))
        try Self.frame("dialog-ban", model)
    }

    @Test("the credit dialog with an amount typed", arguments: sizes)
    func creditDialog(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.up, .up, .character("C"))
        _ = TriageUpdate.update(&model, .creditsLoaded(id: "user_0", .success(CreditBalance(balance: Money(amount: 1000, amountFormatted: "10.00", currency: "USD", currencySymbol: "$")))))
        _ = model.type("12.50")
        try Self.frame("dialog-credit", model)
    }

    @Test("a bulk lock of the marked users", arguments: sizes)
    func bulkDialog(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character(" "), .character(" "), .character("L"))
        try Self.frame("dialog-bulk", model)
    }

    @Test("the action menu", arguments: sizes)
    func menu(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character("a"))
        try Self.frame("menu", model)
    }

    @Test("the queue panel with a failure", arguments: sizes)
    func queuePanel(size: Size) throws {
        var model = Self.browsing(size)
        _ = model.press(.character("u"), .up, .up, .character("B"), .tab, .enter)
        let command = try #require(model.queue.entries.first?.command)
        _ = TriageUpdate.update(&model, .command(.failed(command, Fake.notFound)))
        _ = model.press(.character("Q"))
        try Self.frame("queue", model)
    }
}
