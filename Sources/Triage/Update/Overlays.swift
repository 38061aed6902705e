import ClerkAPI
import ClerkActions
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

    static let usage = "commands: :user ID, :email ADDRESS, :edit FIELD, :theme NAME, :instance NAME, :queue, :audit, :help, :quit, and an action (:ban, :lock, :credit…; a lists them)"

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
            return (wasDetail ? [.cancelUserLoads] : []) + Browse.restart(&model, filterChanged: true)
        case "instance":
            return InstanceSwitch.command(argument, &model)
        case "theme":
            guard !argument.isEmpty else {
                model.say(":theme needs a name, e.g. :theme light", isError: true)
                return []
            }
            return [.loadTheme(argument)]
        case "help":
            model.overlay = .help(scroll: 0)
            return []
        case "queue":
            model.overlay = .queue(selection: 0)
            return []
        case "resume":
            guard !model.queue.deferred.isEmpty else {
                model.say("nothing is waiting to be resumed")
                return []
            }
            model.overlay = .resume(model.queue.deferred)
            return []
        case "audit":
            model.overlay = .audit(AuditPanel())
            return [.loadAudit]
        case "actions", "menu":
            return Commands.openMenu(&model)
        case "edit":
            guard argument.isEmpty || MetadataEditor.Field(rawValue: argument) != nil else {
                model.say(":edit takes public, private or unsafe", isError: true)
                return []
            }
            return MetadataEditing.open(MetadataEditor.Field(rawValue: argument), &model)
        default:
            if let kind = ActionKind(rawValue: command) {
                if !argument.isEmpty {
                    model.say(":\(command) acts on the selected user (or the marked users); it takes no argument", isError: true)
                    return []
                }
                return Actions.open(kind, &model)
            }
            model.say("unknown command '\(command)'; \(usage)", isError: true)
            return []
        }
    }
}

extension Overlays {
    static func auditKey(_ key: Key, _ panel: AuditPanel, _ model: inout TriageModel) -> [Effect] {
        var panel = panel
        let page = max(1, model.size.height - 6)
        switch model.keymap.action(for: key, in: .help, includeGlobal: !key.isText) {
        case .helpUp: panel.scroll -= 1
        case .helpDown: panel.scroll += 1
        case .helpPageUp: panel.scroll -= page
        case .helpPageDown: panel.scroll += page
        case .quit: return TriageUpdate.quit(&model)
        case .suspend: return [.suspend]
        case .repaint: return [.repaint]
        default:
            model.overlay = .none
            return []
        }
        panel.scroll = min(max(0, panel.scroll), max(0, panel.lines.count - page))
        model.overlay = .audit(panel)
        return []
    }

    static func auditLoaded(_ result: Result<[AuditRecord], StateFileError>, _ model: inout TriageModel) {
        guard case .audit = model.overlay else { return }
        switch result {
        case .success(let records):
            let lines = records.map { record in
                var line = "\(record.time)  \(record.action)  \(record.userID)  \(record.outcome.rawValue)"
                if let status = record.httpStatus { line += "  HTTP \(status)" }
                if let trace = record.traceID { line += "  trace \(trace)" }
                line += "  by \(record.operatorIdentity.user)@\(record.operatorIdentity.host)"
                if let message = record.message { line += "  \(message)" }
                return line
            }
            model.overlay = .audit(AuditPanel(lines: lines.isEmpty ? ["No actions recorded yet."] : lines, loading: false))
        case .failure(let error):
            model.overlay = .audit(AuditPanel(lines: ["Could not read the audit log: \(error.description)"], loading: false))
        }
    }
}
