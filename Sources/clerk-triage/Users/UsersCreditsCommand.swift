import ArgumentParser
import ClerkAPI
import ClerkActions
import Foundation
import Triage

/// `users credits ID…`: the credit balance; with `--increase` or `--decrease AMOUNT`, an adjustment
/// through the command layer, with the balance before and after.
struct UsersCreditsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credits",
        abstract: "Show users' credit balance, or adjust it.",
        discussion: """
            Without --increase or --decrease, prints each user's balance. An adjustment is in the \
            currency's units (12.50), sent with an idempotency key journalled with it, so a retry or a \
            resume never applies it twice; it prints the balance before → after.
            """)

    @OptionGroup var options: UserMutationOptions

    @Option(help: ArgumentHelp("Add this amount, in the currency's units (12.50).", valueName: "amount"))
    var increase: String?

    @Option(help: ArgumentHelp("Take off this amount, in the currency's units (12.50).", valueName: "amount"))
    var decrease: String?

    @Option(help: "A note kept with the adjustment in the ledger.")
    var note: String?

    @Option(help: "The currency, e.g. USD (default: the instance's).")
    var currency: String?

    func validate() throws {
        if increase != nil, decrease != nil { throw ValidationError("give one of --increase or --decrease") }
        if increase == nil, decrease == nil, note != nil || currency != nil {
            throw ValidationError("--note and --currency go with --increase or --decrease")
        }
    }

    func run() async throws {
        guard let amount = increase ?? decrease else { return try await showBalances() }
        let cents: Int64
        switch AmountParser.cents(amount) {
        case .success(let value): cents = value
        case .failure(let error): throw ScriptExit.fail("\(increase == nil ? "--decrease" : "--increase"): \(error.description) Nothing was sent.", ScriptExit.usage)
        }
        let change = CreditChange(direction: increase == nil ? .decrease : .increase, amountCents: cents, currency: currency, note: note)
        try await UserMutation(kind: .adjustCredit(change), options: options, planner: CreditPlanner()).run()
    }

    private func showBalances() async throws {
        let userIDs = try options.source.read()
        let users = try options.connection.client().users
        try await ScriptExit.eachUser(userIDs) { userID in
            Output.data("\(userID)\t\(CreditPlanner.text(try await users.creditBalance(userID)))")
        }
    }
}

/// Reads each balance before anything is sent (a user whose balance cannot be read is not sent
/// to), and after the run prints `ID before → after`.
struct CreditPlanner: MutationPlanner {
    static func text(_ balance: CreditBalance) -> String {
        guard let money = balance.balance else { return "none" }
        return "\(money.amountFormatted) \(money.currency.uppercased())"
    }

    func plan(_ userIDs: [String], kind: UserMutationKind, client: ClerkClient, dryRun: Bool) async throws -> MutationPlan {
        var before: [String: String] = [:]
        var plan = try await PlanReading.each(userIDs, read: { userID async throws(ClerkAPIError) in try await client.users.creditBalance(userID) }) { userID, balance, plan in
            plan.send.append(userID)
            before[userID] = Self.text(balance)
            if dryRun {
                Output.data(MutationRequestText.line(kind.action, userIDs: [userID], baseURL: client.configuration.baseURL))
                Output.data("\(userID)\t\(Self.text(balance)) now")
            }
        }
        let users = client.users
        plan.report = { [before] done in
            for userID in done {
                let after = (try? await users.creditBalance(userID)).map(Self.text) ?? "(could not be read again)"
                Output.data("\(userID)\t\(before[userID] ?? "?") → \(after)")
            }
        }
        return plan
    }
}
