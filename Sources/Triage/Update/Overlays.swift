import ClerkAPI
import Foundation
import Terminal

/// The help overlay and the `:` command line.
enum Overlays {
    static func help(_ key: Key, scroll: Int, _ model: inout TriageModel) -> [Effect] {
        let page = max(1, HelpLayout.textHeight(model) - 1)
        switch model.keymap.action(for: key, in: .help, includeGlobal: !key.isText) {
        case .helpUp: model.overlay = .help(scroll: scroll - 1)
        case .helpDown: model.overlay = .help(scroll: scroll + 1)
        case .helpPageUp: model.overlay = .help(scroll: scroll - page)
        case .helpPageDown: model.overlay = .help(scroll: scroll + page)
        case .quit: return TriageUpdate.quit(&model)
        case .suspend: return [.suspend]
        case .repaint: return [.repaint]
        default: model.overlay = .none
        }
        clampHelpScroll(&model)
        return []
    }

    static func clampHelpScroll(_ model: inout TriageModel) {
        guard case .help(let scroll) = model.overlay else { return }
        let limit = max(0, HelpLayout.lines(model).count - HelpLayout.textHeight(model))
        model.overlay = .help(scroll: min(max(0, scroll), limit))
    }

    static func commandLine(_ key: Key, field: TextField, _ model: inout TriageModel) -> [Effect] {
        switch model.keymap.action(for: key, in: .prompt, includeGlobal: !key.isText) {
        case .promptCancel:
            model.overlay = .none
            return []
        case .promptSubmit:
            model.overlay = .none
            return run(field.text, &model)
        case .quit: return TriageUpdate.quit(&model)
        case .suspend: return [.suspend]
        case .repaint: return [.repaint]
        default:
            break
        }
        if key == .backspace, field.text.isEmpty {
            model.overlay = .none
            return []
        }
        var field = field
        guard field.handle(key) else { return KeyDispatch.unbound(key, &model) }
        model.overlay = .commandLine(field)
        return []
    }

    static let usage = "commands: :user ID, :email ADDRESS, :theme NAME, :help, :quit"

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
                model.say(":user needs a user id, e.g. :user user_2abc…", isError: true)
                return []
            }
            return Detail.open(argument, &model)
        case "email", "e":
            let wasDetail = if case .detail = model.screen { true } else { false }
            model.screen = .browse
            model.browse.form.email.setText(argument)
            model.browse.focus = .table
            return (wasDetail ? [.cancelUserLoads] : []) + Browse.restart(&model)
        case "theme":
            guard !argument.isEmpty else {
                model.say(":theme needs a name, e.g. :theme light", isError: true)
                return []
            }
            return [.loadTheme(argument)]
        case "help":
            model.overlay = .help(scroll: 0)
            return []
        default:
            model.say("unknown command '\(command)'; \(usage)", isError: true)
            return []
        }
    }
}
