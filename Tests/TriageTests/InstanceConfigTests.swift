import ClerkAPI
import Testing
@testable import Triage

@Suite("Config file: instances")
struct InstanceConfigTests {
    @Test("instances with an address and key variable, a key command, the defaults, and the built-in sandbox")
    func good() throws {
        let config = try ConfigFile.parse("""
            instances:
              dev:  { api_url: https://api.clerk.com/v1, key_env: CLERK_DEV_KEY }
              prod: { api_url: "https://eu.example.com/v1", key_command: "pass show clerk/prod" }
              plain: {}
              demo: { kind: sandbox }
            default_instance: dev
            """, path: "c.yaml")
        #expect(config.instances["dev"] == InstanceEntry(.api(url: "https://api.clerk.com/v1", key: .environment("CLERK_DEV_KEY"))))
        #expect(config.instances["prod"] == InstanceEntry(.api(url: "https://eu.example.com/v1", key: .command("pass show clerk/prod"))))
        #expect(config.instances["plain"] == InstanceEntry(.api(url: ClerkConfiguration.defaultBaseURL, key: .environment("CLERK_SECRET_KEY"))))
        #expect(config.instances["demo"] == InstanceEntry(.builtInSandbox))
        #expect(config.defaultInstance == "dev")
        #expect(config.instanceNames == ["demo", "dev", "plain", "prod"])
    }

    @Test("mistakes are refused with the file and key path named", arguments: [
        ("instances:\n  dev: { api_url: https://a.example/v1, key_file: x }\n", "c.yaml: instances.dev: unknown key 'key_file'"),
        ("instances:\n  dev: { key_env: A, key_command: b }\n", "c.yaml: instances.dev: key_env and key_command are both given"),
        ("instances:\n  my prod: { key_env: A }\n", "c.yaml: instances.my prod: not an instance name"),
        ("instances:\n  -x: { key_env: A }\n", "c.yaml: instances.-x: not an instance name"),
        ("instances:\n  dev: { api_url: 'api.clerk.com' }\n", "c.yaml: instances.dev.api_url: 'api.clerk.com' is not an http(s) address"),
        ("instances:\n  dev: { key_env: 'MY-KEY' }\n", "c.yaml: instances.dev.key_env: 'MY-KEY' is not an environment variable name"),
        ("instances:\n  dev: { key_command: '  ' }\n", "c.yaml: instances.dev.key_command: is empty"),
        ("instances:\n  dev: { kind: production }\n", "c.yaml: instances.dev.kind: 'production' is not a kind"),
        ("instances:\n  demo: { kind: sandbox, key_env: A }\n", "c.yaml: instances.demo: kind: sandbox is the built-in sandbox and takes no key_env"),
        ("instances: [dev]\n", "c.yaml: instances: expected a mapping"),
        ("instances:\n  dev: {}\ndefault_instance: prod\n", "c.yaml: default_instance: 'prod' is not an instance here; the instances are dev"),
        ("default_instance: prod\n", "c.yaml: default_instance: 'prod' is not an instance here; no instances are configured"),
    ])
    func mistakes(yaml: String, message: String) {
        do {
            let config = try ConfigFile.parse(yaml, path: "c.yaml")
            Issue.record("expected an error, got \(config)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test("--instance wins over default_instance; without either no instance is chosen (CLERK_SECRET_KEY then applies); an unknown name lists the configured ones")
    func precedence() throws {
        let config = try ConfigFile.parse("instances:\n  dev: {}\n  prod: {}\ndefault_instance: dev\n", path: "c.yaml")
        #expect(try config.selectedInstance(flag: "prod")?.name == "prod")
        #expect(try config.selectedInstance(flag: nil)?.name == "dev")
        #expect(try ConfigFile.parse("instances:\n  dev: {}\n", path: "c.yaml").selectedInstance(flag: nil) == nil)
        #expect(throws: InstanceSelectionError(description: "unknown instance 'stage'; c.yaml names: dev, prod")) {
            try config.selectedInstance(flag: "stage")
        }
        #expect(throws: InstanceSelectionError.self) { try ConfigFile(path: "c.yaml").selectedInstance(flag: "dev") }
    }

    @Test("the key from the instance's variable, named in the configuration; no variable, no key")
    func keyFromEnvironment() throws {
        let named = NamedInstance(name: "dev", entry: InstanceEntry(.api(url: "https://a.example/v1", key: .environment("CLERK_DEV_KEY"))))
        let configuration = try #require(try named.configuration(environment: ["CLERK_DEV_KEY": "sk_test_dev_1234567890", "CLERK_SECRET_KEY": "sk_live_other"]))
        #expect(configuration.secretKey == SecretKey("sk_test_dev_1234567890"))
        #expect(configuration.baseURL == "https://a.example/v1" && configuration.instanceName == "dev")
        #expect(throws: InstanceKeyError(instance: "dev", problem: .variableUnset("CLERK_DEV_KEY"))) {
            try named.configuration(environment: ["CLERK_SECRET_KEY": "sk_live_other"])
        }
        #expect(try NamedInstance(name: "demo", entry: InstanceEntry(.builtInSandbox)).configuration(environment: [:]) == nil)
    }
}
