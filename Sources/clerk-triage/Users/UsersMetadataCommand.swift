import ArgumentParser
import ClerkAPI
import Foundation
import Triage

/// `users metadata ID… --merge JSON|@FILE` or `--replace JSON|@FILE`: the console's metadata
/// editor from the shell, with the same preview under `--dry-run`.
struct UsersMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Merge a JSON patch into users' metadata, or replace it.",
        discussion: """
            --merge deep-merges (PATCH): objects merge, null removes a key, anything else replaces. \
            --replace sets the whole field (PUT). Each user is read first: one whose field would not \
            change is reported and skipped, and a result over Clerk's 8 KB limit is refused. \
            --dry-run prints, per user, the field as it would be and the change list.
            """)

    @OptionGroup var options: UserMutationOptions

    @Option(help: ArgumentHelp("A JSON object to deep-merge into the field, or @FILE to read it from a file.", valueName: "json|@file"))
    var merge: String?

    @Option(help: ArgumentHelp("A JSON object that becomes the whole field, or @FILE to read it from a file.", valueName: "json|@file"))
    var replace: String?

    @Flag(help: "Which metadata field (default public).")
    var field: MetadataFieldChoice = .public

    func validate() throws {
        if (merge == nil) == (replace == nil) { throw ValidationError("give one of --merge or --replace") }
    }

    func run() async throws {
        let mode: MetadataEditor.Mode = merge == nil ? .replace : .merge
        let patch = try MetadataPatchText.read(merge ?? replace ?? "", option: mode == .merge ? "--merge" : "--replace", mode: mode)
        let kind = UserMutationKind.metadata(field.update(patch.value), field: field.rawValue, replace: mode == .replace)
        try await UserMutation(kind: kind, options: options, planner: MetadataPlanner(patch: patch, field: field)).run()
    }
}

/// `--public`, `--private`, `--unsafe`.
enum MetadataFieldChoice: String, EnumerableFlag, Sendable {
    case `public`, `private`, unsafe

    static func help(for value: MetadataFieldChoice) -> ArgumentHelp? {
        switch value {
        case .public: "public_metadata: readable by the frontend"
        case .private: "private_metadata: the backend only"
        case .unsafe: "unsafe_metadata: the user can change it too"
        }
    }

    /// The console editor's field: one place says where each field lives on a user.
    private var editorField: MetadataEditor.Field {
        switch self {
        case .public: .public
        case .private: .private
        case .unsafe: .unsafe
        }
    }

    func current(of user: User) -> JSONValue { editorField.value(of: user) }

    func update(_ value: JSONValue) -> MetadataUpdate { editorField.update(value) }
}

/// The patch as typed or read from @FILE, checked before any request: JSON errors by line and
/// column, and what the editor refuses whatever the user (not an object; on its own over 8 KB).
struct MetadataPatchText: Sendable {
    var text: String
    var value: JSONValue
    var mode: MetadataEditor.Mode

    static func read(_ argument: String, option: String, mode: MetadataEditor.Mode) throws -> MetadataPatchText {
        var text = argument
        var source = option
        if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path) else {
                throw ScriptExit.fail("\(option): cannot read \(path): check the path and its permissions", ScriptExit.usage)
            }
            text = String(decoding: data, as: UTF8.self)
            source = path == "-" ? "stdin" : path
        }
        switch MetadataPreview(text: text, mode: mode, current: .emptyObject).outcome {
        case .invalid(let error):
            throw ScriptExit.fail("\(source): \(error.description)", ScriptExit.usage)
        case .refused(let reason):
            throw ScriptExit.fail("\(source): \(reason) Nothing was sent.", ScriptExit.usage)
        case .noChange, .ready:
            // Parsed above without error, so this cannot fail.
            let value = (try? JSONValue.parse(text)) ?? .emptyObject
            return MetadataPatchText(text: text, value: value, mode: mode)
        }
    }
}

/// Reads each user and works out the field after the change, as the editor's preview does: users
/// whose field would not change are skipped, results over 8 KB refused, and under `--dry-run` the
/// result and the change list printed.
struct MetadataPlanner: MutationPlanner {
    let patch: MetadataPatchText
    let field: MetadataFieldChoice

    func plan(_ userIDs: [String], kind: UserMutationKind, client: ClerkClient, dryRun: Bool) async throws -> MutationPlan {
        try await PlanReading.eachUser(userIDs, client: client) { userID, user, plan in
            switch MetadataPreview(text: patch.text, mode: patch.mode, current: field.current(of: user)).outcome {
            case .noChange:
                plan.unchanged.append(userID)
            case .refused(let reason):
                plan.refused.append((userID, reason))
            case .invalid(let error):
                plan.refused.append((userID, error.description))
            case .ready(_, let result, let changes):
                plan.send.append(userID)
                if dryRun { show(userID, kind: kind, baseURL: client.configuration.baseURL, result: result, changes: changes) }
            }
        }
    }

    /// The request, then the field as it would be, then what changes.
    private func show(_ userID: String, kind: UserMutationKind, baseURL: String, result: JSONValue, changes: [JSONChange]) {
        var text = MutationRequestText.line(kind.action, userIDs: [userID], baseURL: baseURL) + "\n"
        text += "\(field.rawValue)_metadata of \(userID) after:\n\(result.jsonText(pretty: true))\n"
        text += changes.map { MetadataPreview.line($0) + "\n" }.joined()
        Output.write(text + "\n")
    }
}
