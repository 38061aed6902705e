import ClerkAPI
import ClerkActions
import Terminal
import Testing
@testable import Triage

@Suite("Console: instances")
struct InstanceSwitchTests {
    private static func named(_ name: String = "dev", kind: Instance.Kind = .development) -> TriageModel {
        var model = Fake.loaded(total: 3)
        model.instance.name = name
        model.instance.kind = kind
        model.instanceNames = ["dev", "other", "prod"]
        return model
    }

    private static func run(_ line: String, _ model: inout TriageModel) -> [Effect] {
        _ = model.press(.character(":"))
        return model.type(line) + model.press(.enter)
    }

    private static func lockSelected(_ model: inout TriageModel) throws -> Command {
        _ = model.press(.character("L"), .tab)
        for effect in model.press(.enter) { if case .enqueue(let command) = effect { return command } }
        throw HarnessFailure("no command was queued")
    }

    struct HarnessFailure: Error { let description: String; init(_ text: String) { description = text } }

    @Test(":instance lists the instances and marks the current one; an unknown name lists them; the same name stays")
    func listing() {
        var model = Self.named()
        #expect(Self.run("instance", &model).isEmpty && model.status?.text.hasPrefix("instances: dev (current), other, prod") == true)
        #expect(Self.run("instance stage", &model).isEmpty && model.status?.text == "unknown instance 'stage'; configured: dev, other, prod")
        #expect(Self.run("instance dev", &model).isEmpty && !model.quitting && model.status?.text == "already on dev")
        var unconfigured = Fake.loaded(total: 3)
        #expect(Self.run("instance prod", &unconfigured).isEmpty && unconfigured.status?.text.contains("no instances are configured") == true)
    }

    @Test(":instance NAME with nothing unfinished ends the session to reopen on NAME")
    func switchAtOnce() {
        var model = Self.named()
        #expect(Self.run("instance other", &model) == [.quit])
        #expect(model.quitting && model.nextInstance == "other")
    }

    @Test("with commands unfinished it asks as q does: wait then switch, switch now, or stay; q while waiting quits instead")
    func switchWithUnfinished() throws {
        var model = Self.named()
        let command = try Self.lockSelected(&model)
        #expect(Self.run("instance other", &model).isEmpty && !model.quitting)
        guard case .switchWithUnfinished("other") = model.overlay else { Issue.record("did not ask: \(model.overlay)"); return }
        #expect(model.screenText.contains("Switch to other") && model.screenText.contains("1 command is not finished on dev · development"))
        #expect(model.press(.escape).isEmpty && !model.quitting && model.nextInstance == nil)

        // Enter: wait, then switch once the command has ended.
        _ = Self.run("instance other", &model)
        #expect(model.press(.enter).isEmpty && !model.quitting)
        var locked = Fake.user(0)
        locked.locked = true
        #expect(TriageUpdate.update(&model, .command(.finished(command, CommandResult(users: [locked])))) == [.quit])
        #expect(model.nextInstance == "other")

        // q (switch now) leaves the command in the journal and switches.
        var now = Self.named()
        _ = try Self.lockSelected(&now)
        _ = Self.run("instance prod", &now)
        #expect(now.press(.character("q")) == [.quit] && now.nextInstance == "prod")

        // q while a switch waits: the operator now means to quit, not to switch.
        var quitting = Self.named()
        let pending = try Self.lockSelected(&quitting)
        _ = Self.run("instance other", &quitting)
        _ = quitting.press(.enter)
        _ = quitting.press(.character("q"), .enter)
        #expect(TriageUpdate.update(&quitting, .command(.finished(pending, CommandResult(users: [locked])))) == [.quit])
        #expect(quitting.quitting && quitting.nextInstance == nil)
    }

    @Test("a named instance is named in the header, every dialog and the command line; an unnamed one looks as before")
    func shown() {
        var model = Self.named("prod", kind: .production)
        #expect(TriageView.render(model).rows[0].contains(" prod · PRODUCTION "))
        _ = model.press(.character("B"))
        let dialog = model.screenText
        #expect(dialog.contains("Instance  prod · PRODUCTION http://127.0.0.1:9/v1"), "\(dialog)")
        #expect(dialog.split(separator: "\n").contains { $0.contains(" Ban ") && $0.contains(" prod · PRODUCTION ") }, "\(dialog)")
        _ = model.press(.escape, .character(":"))
        #expect(TriageView.render(model).rows.last?.hasSuffix(" prod · PRODUCTION ") == true)

        var plain = Fake.loaded(total: 3)
        plain.instance.kind = .development
        let header = TriageView.render(plain).rows[0]
        #expect(header.contains(" development ") && !header.contains("· development"), "\(header)")
    }
}
