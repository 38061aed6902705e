import ClerkActions
import Foundation
import Testing

@Suite("State directory")
struct StateDirectoryTests {
    @Test("XDG_STATE_HOME when absolute, else ~/.local/state")
    func location() throws {
        #expect(try StateDirectory.location(environment: ["XDG_STATE_HOME": "/srv/state", "HOME": "/home/ana"]) == "/srv/state/clerk-triage")
        #expect(try StateDirectory.location(environment: ["XDG_STATE_HOME": "relative/dir", "HOME": "/home/ana"]) == "/home/ana/.local/state/clerk-triage")
        #expect(try StateDirectory.location(environment: ["HOME": "/home/ana/"]) == "/home/ana/.local/state/clerk-triage")
        #expect(try StateDirectory.defaultLogFile(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/state/clerk-triage/console.log")
        #expect(throws: StateFileError.noHomeDirectory) { try StateDirectory.location(environment: [:]) }
    }

    @Test("created 0700 with its missing parents")
    func createsPrivate() throws {
        let scratch = TemporaryDirectory()
        let directory = try StateDirectory.prepare(environment: ["HOME": scratch.path])
        #expect(directory.path == scratch.path + "/.local/state/clerk-triage")
        #expect(scratch.mode(directory.path) == 0o700)
        #expect(scratch.mode(scratch.path + "/.local") == 0o700)
        #expect(directory.notices.isEmpty)
    }

    @Test("an existing group/world-readable directory is made private, and the operator told")
    func tightensExisting() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("clerk-triage")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        chmod(path, 0o755)
        let directory = try StateDirectory(preparing: path)
        #expect(scratch.mode(path) == 0o700)
        #expect(directory.notices.count == 1)
        #expect(directory.notices.first?.contains("755") == true)
    }

    @Test("a symbolic link in place of the directory is refused")
    func refusesSymlinkDirectory() throws {
        let scratch = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: scratch.sub("elsewhere"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: scratch.sub("clerk-triage"), withDestinationPath: scratch.sub("elsewhere"))
        #expect(throws: StateFileError.symbolicLink(path: scratch.sub("clerk-triage"))) {
            try StateDirectory(preparing: scratch.sub("clerk-triage"))
        }
    }

    @Test("a directory every user can write to is refused as the parent")
    func refusesSharedParent() throws {
        let scratch = TemporaryDirectory()
        let shared = scratch.sub("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        chmod(shared, 0o1777)
        #expect(throws: StateFileError.sharedParent(path: shared + "/clerk-triage")) {
            try StateDirectory.prepare(environment: ["XDG_STATE_HOME": shared])
        }
    }

    @Test("files are created 0600; an existing 0644 one is tightened")
    func filesPrivate() throws {
        let scratch = TemporaryDirectory()
        let directory = try StateDirectory(preparing: scratch.sub("state"))
        let file = try directory.openForAppending("console.log")
        try file.append(Data("x\n".utf8))
        #expect(scratch.mode(file.path) == 0o600)
        _ = FileManager.default.createFile(atPath: directory.filePath("old.log"), contents: Data(), attributes: [.posixPermissions: 0o644])
        _ = try directory.openForAppending("old.log")
        #expect(scratch.mode(directory.filePath("old.log")) == 0o600)
    }

    @Test("a state file that is a symbolic link is refused, and its target untouched")
    func refusesSymlinkFile() throws {
        let scratch = TemporaryDirectory()
        let directory = try StateDirectory(preparing: scratch.sub("state"))
        let target = scratch.sub("target")
        _ = FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: directory.filePath("audit.jsonl"), withDestinationPath: target)
        #expect(throws: StateFileError.symbolicLink(path: directory.filePath("audit.jsonl"))) {
            try directory.openForAppending("audit.jsonl")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        #expect(StateFileError.symbolicLink(path: "/x").description.contains("symbolic link"))
    }

    @Test("instance subdirectories are named from the host and key kind, and cannot climb out")
    func instanceNaming() throws {
        #expect(InstanceIdentity(host: "api.clerk.com", keyKind: .production).directoryName == "api.clerk.com-production")
        #expect(InstanceIdentity(host: "127.0.0.1:53211", keyKind: .development).directoryName == "127.0.0.1-development")
        #expect(InstanceIdentity(host: "../../etc", keyKind: .unknown).directoryName == "_._.._etc-unknown")
        #expect(InstanceIdentity(host: "Ünï/cøde", keyKind: .development).directoryName.allSatisfy { $0.isASCII && $0 != "/" })
        let scratch = TemporaryDirectory()
        let state = try StateDirectory(preparing: scratch.sub("state"))
        let instance = try state.instanceDirectory(for: InstanceIdentity(host: "api.clerk.com", keyKind: .production))
        #expect(instance.path == scratch.sub("state/api.clerk.com-production"))
        #expect(scratch.mode(instance.path) == 0o700)
    }

    @Test("another user's directory or file is refused, not taken over", .enabled(if: geteuid() == 0, "needs to hand a file to another user"))
    func refusesOtherOwner() throws {
        let scratch = TemporaryDirectory()
        let state = try StateDirectory(preparing: scratch.sub("state"))
        let theirs = scratch.sub("theirs")
        try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: false)
        chown(theirs, 4242, 4242)
        #expect(throws: StateFileError.ownedByAnotherUser(path: theirs)) { try StateDirectory(preparing: theirs) }
        _ = FileManager.default.createFile(atPath: state.filePath("audit.jsonl"), contents: Data())
        chown(state.filePath("audit.jsonl"), 4242, 4242)
        #expect(throws: StateFileError.ownedByAnotherUser(path: state.filePath("audit.jsonl"))) { try state.openForAppending("audit.jsonl") }
        #expect(StateFileError.ownedByAnotherUser(path: theirs).description.contains("XDG_STATE_HOME"))
    }
}
