import ClerkAPI
import Terminal

/// The help overlay and the `:` command line.
enum Overlays {
    static func help(_ key: Key, scroll: Int, _ model: inout TriageModel) -> [Effect] {
        switch key {
        case .up, .character("k"): model.overlay = .help(scroll: max(0, scroll - 1))
        case .down, .character("j"): model.overlay = .help(scroll: scroll + 1)
        case .pageUp: model.overlay = .help(scroll: max(0, scroll - 10))
        case .pageDown, .character(" "): model.overlay = .help(scroll: scroll + 10)
        case .control("c"): return TriageUpdate.quit(&model)
        default: model.overlay = .none
        }
        return []
    }

    static func commandLine(_ key: Key, field: TextField, _ model: inout TriageModel) -> [Effect] {
        var field = field
        switch key {
        case .escape:
            model.overlay = .none
            return []
        case .control("c"):
            return TriageUpdate.quit(&model)
        case .enter:
            model.overlay = .none
            return run(field.text, &model)
        case .backspace where field.text.isEmpty:
            model.overlay = .none
            return []
        default:
            field.handle(key)
            model.overlay = .commandLine(field)
            return []
        }
    }

    static let usage = "commands: :user ID, :email ADDRESS, :theme NAME, :quit"

    /// Runs a command line such as `user user_2abc`.
    static func run(_ line: String, _ model: inout TriageModel) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        guard let command = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch command {
        case "q", "quit", "q!", "quit!":
            return TriageUpdate.quit(&model)
        case "user", "u":
            guard !argument.isEmpty else {
                model.status = .init(text: ":user needs a user id, e.g. :user user_2abc…", isError: true)
                return []
            }
            model.screen = .detail(DetailState(userID: argument, user: .loading))
            return [.loadUser(argument)]
        case "email", "e":
            model.screen = .browse
            model.browse.form.email.setText(argument)
            model.browse.focus = .table
            return Browse.restart(&model)
        case "theme":
            guard !argument.isEmpty else {
                model.status = .init(text: ":theme needs a name, e.g. :theme light", isError: true)
                return []
            }
            return [.loadTheme(argument)]
        case "help":
            model.overlay = .help(scroll: 0)
            return []
        default:
            model.status = .init(text: "unknown command '\(command)'; \(usage)", isError: true)
            return []
        }
    }
}

import Foundation
