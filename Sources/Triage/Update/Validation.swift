import ClerkAPI

/// What is wrong with a dialog's inputs, checked as they are typed and again on confirm, so that
/// nothing invalid is ever sent.
enum Validation {
    static let maximumNoteLength = 200

    /// The problem with one field as it stands, or nil; an empty field is not yet a problem.
    static func problem(in dialog: ActionDialog, field: ActionDialog.Field) -> String? {
        switch field {
        case .amount:
            guard !dialog.amount.text.isEmpty else { return nil }
            if case .failure(let error) = AmountParser.cents(dialog.amount.text) { return error.description }
            return nil
        case .note:
            let count = dialog.note.text.count
            return count > maximumNoteLength ? "The note is \(count) characters; at most \(maximumNoteLength)." : nil
        case .code:
            let code = dialog.code.text.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { return nil }
            return code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber) ? nil : "A TOTP code is 6 digits."
        default:
            return nil
        }
    }

    /// The first field that stops the dialog from being sent, with the reason.
    static func firstProblem(in dialog: ActionDialog, model: TriageModel) -> (ActionDialog.Field, String)? {
        for field in dialog.fields {
            if let problem = problem(in: dialog, field: field) { return (field, problem) }
            switch field {
            case .amount where dialog.amount.text.trimmingCharacters(in: .whitespaces).isEmpty:
                return (field, AmountError.empty.description)
            case .choice where dialog.chosenItem == nil:
                return (field, dialog.devices.isLoading ? "The devices are still loading." : "There is nothing to choose.")
            case .code where dialog.code.text.trimmingCharacters(in: .whitespaces).isEmpty:
                return (field, "Type the 6-digit code the user reads out.")
            case .confirmation:
                let typed = dialog.confirmation.text.trimmingCharacters(in: .whitespaces)
                let accepted = dialog.userIDs.compactMap { model.users[$0] }.flatMap { user in
                    [user.id.lowercased()] + (user.primaryEmailAddress.map { [$0.emailAddress.lowercased()] } ?? [])
                }
                if !accepted.contains(typed.lowercased()) {
                    return (field, "Type the user's primary email address or user id to confirm.")
                }
            default:
                break
            }
        }
        return nil
    }
}
