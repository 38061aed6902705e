import ArgumentParser

/// What every `users` mutation takes: the users, and the safety switches.
struct UserMutationOptions: ParsableArguments {
    @OptionGroup var connection: UsersConnectionOptions

    @Argument(help: "User ids; - reads them from stdin (one a line, or users as ndjson or json from `users list`).")
    var ids: [String] = []

    @Option(name: .customLong("ids-from"), help: "Read user ids from this file (same forms as stdin).")
    var idsFrom: String?

    @OptionGroup var safety: MutationSafetyOptions

    var source: UserIDSource { UserIDSource(arguments: ids, file: idsFrom) }
}

/// The switches that keep a mutation from doing what was not meant.
struct MutationSafetyOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Print the requests that would be sent, and send nothing.")
    var dryRun = false

    @Flag(name: .customLong("read-only"), help: "Refuse to change anything (also read_only: true in the config file).")
    var readOnly = false

    @Flag(name: .shortAndLong, help: "On a production instance, change more than one user without asking on the terminal.")
    var yes = false
}
