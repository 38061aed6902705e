import Foundation
import Testing
import Triage

@Suite("Config file")
struct ConfigFileTests {
    @Test("a valid file: theme, and keys as one key or a list")
    func valid() throws {
        let config = try ConfigFile.parse("""
            # comments are fine
            theme: light
            keys:
              table.next-page: [pgdn, n]
              global.quit: q
            """, path: "c.yaml")
        #expect(config == ConfigFile(path: "c.yaml", theme: "light", keys: ["table.next-page": ["pgdn", "n"], "global.quit": ["q"]]))
    }

    @Test("an empty file, or one with only comments, means the defaults")
    func empty() throws {
        #expect(try ConfigFile.parse("", path: "c.yaml") == ConfigFile(path: "c.yaml"))
        #expect(try ConfigFile.parse("# nothing yet\n", path: "c.yaml") == ConfigFile(path: "c.yaml"))
        #expect(try ConfigFile.parse("keys:\n", path: "c.yaml") == ConfigFile(path: "c.yaml"))
    }

    @Test("a missing file means the defaults; an unreadable one is an error")
    func files() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/clerk-triage/config.yaml") == ConfigFile())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/config.yaml"
        try "theme: monochrome\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ConfigFile.load(path: path) == ConfigFile(path: path, theme: "monochrome"))
        #expect(throws: ConfigFile.LoadError.self) { try ConfigFile.load(path: directory) }
    }

    @Test("mistakes are refused with the file and key named", arguments: [
        ("theme: light\ncolour: red\n", "c.yaml: unknown key 'colour' (expected theme, keys, read_only, instances, default_instance)"),
        ("theme: [light]\n", "c.yaml: theme: expected a single value"),
        ("keys: [pgdn]\n", "c.yaml: keys: expected a mapping"),
        ("keys:\n  global.quit: { key: q }\n", "c.yaml: keys.global.quit: expected a key or a list of keys"),
        ("keys:\n  global.quit: [q, [x]]\n", "c.yaml: keys.global.quit: expected a key or a list of keys"),
        ("- theme\n", "c.yaml: expected a mapping"),
        ("theme: [light\n", "c.yaml: not valid YAML"),
    ])
    func mistakes(yaml: String, message: String) {
        do {
            let config = try ConfigFile.parse(yaml, path: "c.yaml")
            Issue.record("expected an error, got \(config)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test("the default path follows CLERK_TRIAGE_CONFIG, then XDG_CONFIG_HOME, then HOME")
    func defaultPath() {
        #expect(ConfigFile.defaultPath(environment: ["CLERK_TRIAGE_CONFIG": "/etc/ct.yaml", "HOME": "/home/a"]) == "/etc/ct.yaml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/home/a"]) == "/x/clerk-triage/config.yaml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/clerk-triage/config.yaml")
    }
}

@Suite("Config file: read-only")
struct ConfigReadOnlyTests {
    @Test("read_only: true is read; anything but a boolean is refused, named")
    func readOnly() throws {
        #expect(try ConfigFile.parse("read_only: true\n", path: "c.yaml").readOnly)
        #expect(try !ConfigFile.parse("theme: light\n", path: "c.yaml").readOnly)
        #expect(throws: ConfigFile.LoadError.self) { try ConfigFile.parse("read_only: sometimes\n", path: "c.yaml") }
    }
}
