import ClerkAPI
import Terminal

/// The console's logic: `update(&model, msg)` changes the model and returns the I/O to do.
/// Pure: no clock, no network, no terminal, so every behaviour is testable by feeding messages.
public enum TriageUpdate {
    /// What to do when the console opens: the first search, without a typing pause.
    public static func start(_ model: inout TriageModel) -> [Effect] {
        model.browse.generation += 1
        return Browse.search(&model)
    }

    public static func update(_ model: inout TriageModel, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            return handle(key, &model)
        case .resize(let size):
            return Browse.resize(&model, to: size)
        case .tick:
            model.spinnerTick += 1
            if let shownAt = model.status?.shownAt {
                if model.now - shownAt > TriageModel.StatusMessage.lifetime { model.status = nil }
            } else {
                model.status?.shownAt = model.now
            }
            return []
        case .terminate:
            model.quitting = true
            return [.quit]
        case .searchDue(let generation):
            guard generation == model.browse.generation else { return [] }
            return Browse.search(&model)
        case .pageLoaded(let generation, let key, let prefetch, let result):
            return Browse.pageLoaded(&model, generation: generation, key: key, prefetch: prefetch, result)
        case .countLoaded(let generation, let result):
            guard generation == model.browse.generation else { return [] }
            model.browse.total = result.remote
            return []
        case .userLoaded, .membershipsLoaded, .invitationsLoaded, .creditsLoaded, .subscriptionLoaded:
            Detail.received(msg, &model)
            return []
        case .themeLoaded(let result):
            switch result {
            case .success(let theme):
                model.theme = theme
                model.status = .init(text: "theme \(theme.name)", isError: false)
                return [.repaint]
            case .failure(let error):
                model.status = .init(text: error.description, isError: true)
                return []
            }
        }
    }

    private static func handle(_ key: Key, _ model: inout TriageModel) -> [Effect] {
        switch model.overlay {
        case .help(let scroll):
            return Overlays.help(key, scroll: scroll, &model)
        case .commandLine(let field):
            return Overlays.commandLine(key, field: field, &model)
        case .none:
            break
        }
        if key == .control("c") { return quit(&model) }
        if key == .control("l") { return [.repaint] }
        if case .browse = model.screen, case .field(let field) = model.browse.focus {
            return Browse.searchKey(key, field: field, &model)
        }
        let context: String
        if case .detail = model.screen { context = "detail" } else { context = "table" }
        if case .detail = model.screen, case .character(let digit) = key, let number = digit.wholeNumberValue,
            let section = DetailState.Section(rawValue: number - 1)
        {
            return Detail.show(section, &model)
        }
        guard let action = model.keymap.action(for: key, in: context) else { return [] }
        switch action {
        case "global.help":
            model.overlay = .help(scroll: 0)
            return []
        case "global.command":
            model.overlay = .commandLine(TextField())
            return []
        case "global.quit":
            return quit(&model)
        case "global.repaint":
            return [.repaint]
        default:
            return context == "detail" ? Detail.perform(action, &model) : Browse.perform(action, &model)
        }
    }

    static func quit(_ model: inout TriageModel) -> [Effect] {
        model.quitting = true
        return [.quit]
    }
}

extension Result where Failure == ClerkAPIError, Success: Sendable & Hashable {
    var remote: Remote<Success> {
        switch self {
        case .success(let value): .loaded(value)
        case .failure(let error): .failed(error)
        }
    }
}
