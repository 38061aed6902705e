import ClerkAPI

/// Copying a user's id or address to the operator's clipboard, from the table or the detail view.
enum Copy {
    static func id(of user: User, _ model: inout TriageModel) -> [Effect] {
        model.say("copied \(user.id) to the clipboard")
        return [.copyToClipboard(user.id)]
    }

    static func email(of user: User, _ model: inout TriageModel) -> [Effect] {
        guard let email = user.primaryEmailAddress?.emailAddress else {
            model.say("this user has no primary email address", isError: true)
            return []
        }
        model.say("copied \(email) to the clipboard")
        return [.copyToClipboard(email)]
    }
}
