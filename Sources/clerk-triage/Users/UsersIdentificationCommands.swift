import ArgumentParser
import ClerkAPI
import ClerkActions

/// `users passkey|wallet|external-account delete USER_ID ITEM_ID`: one of a user's sign-in methods,
/// by its id (`users get USER_ID` lists them: passkeys, web3_wallets, external_accounts).
struct UsersPasskeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passkey", abstract: "A user's passkeys.", subcommands: [Delete.self])

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete one passkey of a user (its id: `users get USER_ID | jq '.passkeys[].id'`).")

        @OptionGroup var item: IdentificationDeletionOptions

        func run() async throws {
            try await item.run(.deletePasskey(id: item.itemID), item: "passkey") { $0.passkeys.map(\.id) }
        }
    }
}

struct UsersWalletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet", abstract: "A user's web3 wallets.", subcommands: [Delete.self])

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete one web3 wallet of a user (its id: `users get USER_ID | jq '.web3_wallets[].id'`).")

        @OptionGroup var item: IdentificationDeletionOptions

        func run() async throws {
            try await item.run(.deleteWeb3Wallet(id: item.itemID), item: "web3 wallet") { $0.web3Wallets.map(\.id) }
        }
    }
}

struct UsersExternalAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "external-account", abstract: "A user's external (OAuth) accounts.", subcommands: [Delete.self])

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete one external account of a user (its id: `users get USER_ID | jq '.external_accounts[].id'`).")

        @OptionGroup var item: IdentificationDeletionOptions

        func run() async throws {
            try await item.run(.deleteExternalAccount(id: item.itemID), item: "external account") { $0.externalAccounts.map(\.id) }
        }
    }
}

/// The user, the item of theirs, and the safety switches.
struct IdentificationDeletionOptions: ParsableArguments {
    @OptionGroup var connection: UsersConnectionOptions

    @Argument(help: ArgumentHelp("The user's id.", valueName: "user-id"))
    var userID: String

    @Argument(help: ArgumentHelp("The id of the item to delete.", valueName: "item-id"))
    var itemID: String

    @OptionGroup var safety: MutationSafetyOptions

    func run(_ action: CommandAction, item: String, items: @escaping @Sendable (User) -> [String]) async throws {
        let kind = UserMutationKind.deleteIdentification(action, item: item, id: itemID)
        let planner = IdentificationPlanner(item: item, itemID: itemID, items: items)
        try await UserMutation(kind: kind, source: UserIDSource(arguments: [userID]), connection: connection, safety: safety, planner: planner).run()
    }
}

/// Reads the user first: an id they do not have is refused by name, with the ids they do have,
/// instead of a deletion the command layer would take as already done.
struct IdentificationPlanner: MutationPlanner {
    let item: String
    let itemID: String
    let items: @Sendable (User) -> [String]

    func plan(_ userIDs: [String], kind: UserMutationKind, client: ClerkClient, dryRun: Bool) async throws -> MutationPlan {
        try await PlanReading.eachUser(userIDs, client: client) { userID, user, plan in
            let present = items(user)
            guard present.contains(itemID) else {
                let theirs = present.isEmpty ? "they have none" : "theirs: \(present.joined(separator: ", "))"
                plan.refused.append((userID, "the user has no \(item) \(itemID) (\(theirs))"))
                return
            }
            plan.send.append(userID)
            if dryRun { Output.data(MutationRequestText.line(kind.action, userIDs: [userID], baseURL: client.configuration.baseURL)) }
        }
    }
}
