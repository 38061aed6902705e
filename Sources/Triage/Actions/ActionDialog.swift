import ClerkAPI
import ClerkActions
import Terminal

/// An open action dialog: who, what, the inputs, and where the focus is. Cancel is where focus
/// starts when there is nothing to type; Enter on a field never confirms.
public struct ActionDialog: Sendable {
    public enum Field: Sendable, Hashable {
        /// Which passkey, wallet or external account.
        case choice
        case direction
        case amount
        case note
        case code
        case revokeSessions
        /// On production, the user's primary email or id, typed to confirm an irreversible action.
        case confirmation
    }

    public enum Focus: Sendable, Hashable {
        case field(Field)
        case cancel
        case confirm
    }

    /// A thing of the user's to act on: a passkey, a wallet, an external account.
    public struct Choice: Sendable, Hashable {
        public var id: String
        public var label: String
    }

    public var kind: ActionKind
    public var userIDs: [String]
    public var focus: Focus
    public var choices: [Choice] = []
    public var chosen = 0
    public var direction = CreditChange.Direction.increase
    public var amount = TextField()
    public var note = TextField()
    public var code = TextField()
    public var revokeSessions = true
    public var confirmation = TextField()
    /// The reason the last confirm was refused.
    public var error: String?
    /// First row of the affected-users list (bulk dialogs).
    public var listScroll = 0
    /// The balance before, for the credit dialog.
    public var balance: Remote<CreditBalance> = .idle
    /// The user's trusted devices, for the revoke dialog.
    public var devices: Remote<PaginatedList<TrustedDevice>> = .idle

    public init(kind: ActionKind, userIDs: [String], choices: [Choice] = [], requiresConfirmation: Bool) {
        self.kind = kind
        self.userIDs = userIDs
        self.choices = choices
        var fields: [Field] = []
        switch kind {
        case .adjustCredit: fields = [.direction, .amount, .note]
        case .verifyTOTP: fields = [.code]
        case .setCompromised, .removePassword: fields = [.revokeSessions]
        case .deletePasskey, .deleteWeb3Wallet, .deleteExternalAccount: fields = choices.count > 1 ? [.choice] : []
        // The devices arrive after the dialog opens: the choice is always there.
        case .revokeTrustedDevice: fields = [.choice]
        default: break
        }
        if requiresConfirmation { fields.append(.confirmation) }
        self.fields = fields
        // Typing goes to the first input; with nothing to type, focus starts on Cancel.
        focus = fields.first { $0.isText }.map(Focus.field) ?? .cancel
    }

    /// The inputs of this dialog, in Tab order (then Cancel, then the action's button).
    public let fields: [Field]

    public var focusOrder: [Focus] { fields.map(Focus.field) + [.cancel, .confirm] }

    public var isBulk: Bool { userIDs.count > 1 }

    public var chosenItem: Choice? { choices.indices.contains(chosen) ? choices[chosen] : nil }
}
