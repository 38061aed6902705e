import Terminal

/// `:instance NAME`: this session ends as `q` ends it (asking first when commands are unfinished)
/// and the console reopens on the other instance. `:instance` alone lists the configured ones.
enum InstanceSwitch {
    static func command(_ argument: String, _ model: inout TriageModel) -> [Effect] {
        guard !model.instanceNames.isEmpty else {
            model.say("no instances are configured: name them in the config file's instances: section", isError: true)
            return []
        }
        guard !argument.isEmpty else {
            let listed = model.instanceNames.map { $0 == model.instance.name ? "\($0) (current)" : $0 }
            model.say("instances: \(listed.joined(separator: ", ")) · :instance NAME switches")
            return []
        }
        guard model.instanceNames.contains(argument) else {
            model.say("unknown instance '\(argument)'; configured: \(model.instanceNames.joined(separator: ", "))", isError: true)
            return []
        }
        guard argument != model.instance.name else {
            model.say("already on \(argument)")
            return []
        }
        guard model.queue.unfinished > 0 else { return switchNow(to: argument, &model) }
        model.overlay = .switchWithUnfinished(argument)
        return []
    }

    static func askKey(_ key: Key, to name: String, _ model: inout TriageModel) -> [Effect] {
        switch model.keymap.action(for: key, in: .dialog, includeGlobal: false) {
        case .dialogActivate:
            model.overlay = .none
            model.switchWhenIdle = name
            model.queue.quitWhenIdle = true
            model.say("switching to \(name) when the \(model.queue.unfinished) unfinished commands are done (q quits instead)")
            return model.queue.unfinished == 0 ? TriageUpdate.quit(&model) : []
        case .quitNow:
            return switchNow(to: name, &model)
        case .dialogCancel:
            model.overlay = .none
            return []
        default:
            return KeyDispatch.unbound(key, &model)
        }
    }

    static func switchNow(to name: String, _ model: inout TriageModel) -> [Effect] {
        model.overlay = .none
        let effects = TriageUpdate.quit(&model)
        model.nextInstance = name
        return effects
    }
}
