import ClerkAPI
import Terminal

/// The user detail view.
enum Detail {
    static func perform(_ action: String, _ model: inout TriageModel) -> [Effect] {
        guard case .detail(var detail) = model.screen else { return [] }
        let page = max(1, model.size.height - DetailLayout.chromeRows - 1)
        var effects: [Effect] = []
        switch action {
        case "detail.back":
            model.screen = .browse
            return []
        case "detail.next-section":
            let all = DetailState.Section.allCases
            model.screen = .detail(detail)
            return show(all[(detail.section.rawValue + 1) % all.count], &model)
        case "detail.previous-section":
            let all = DetailState.Section.allCases
            model.screen = .detail(detail)
            return show(all[(detail.section.rawValue + all.count - 1) % all.count], &model)
        case "detail.scroll-up": detail.scroll[detail.section, default: 0] -= 1
        case "detail.scroll-down": detail.scroll[detail.section, default: 0] += 1
        case "detail.page-up": detail.scroll[detail.section, default: 0] -= page
        case "detail.page-down": detail.scroll[detail.section, default: 0] += page
        case "detail.copy-id":
            model.status = .init(text: "copied \(detail.userID) to the clipboard", isError: false)
            effects = [.copyToClipboard(detail.userID)]
        case "detail.reload":
            detail.user = .loading
            detail.memberships = .idle
            detail.invitations = .idle
            detail.credits = .idle
            detail.subscription = .idle
            effects = [.loadUser(detail.userID)] + lazyLoads(&detail)
        default:
            break
        }
        detail.scroll[detail.section] = max(0, detail.scroll[detail.section, default: 0])
        model.screen = .detail(detail)
        return effects
    }

    static func show(_ section: DetailState.Section, _ model: inout TriageModel) -> [Effect] {
        guard case .detail(var detail) = model.screen else { return [] }
        detail.section = section
        let effects = lazyLoads(&detail)
        model.screen = .detail(detail)
        return effects
    }

    /// Organisations and billing are fetched the first time their section is shown.
    static func lazyLoads(_ detail: inout DetailState) -> [Effect] {
        switch detail.section {
        case .organizations where detail.memberships == .idle || detail.invitations == .idle:
            detail.memberships = .loading
            detail.invitations = .loading
            return [.loadMemberships(detail.userID), .loadInvitations(detail.userID)]
        case .billing where detail.credits == .idle || detail.subscription == .idle:
            detail.credits = .loading
            detail.subscription = .loading
            return [.loadCredits(detail.userID), .loadSubscription(detail.userID)]
        default:
            return []
        }
    }

    /// Answers for the user on screen; answers about anyone else (the agent moved on) are dropped.
    static func received(_ msg: Msg, _ model: inout TriageModel) {
        guard case .detail(var detail) = model.screen else { return }
        switch msg {
        case .userLoaded(let id, let result) where id == detail.userID:
            detail.user = result.remote
            if case .success(let user) = result, let index = model.browse.users.firstIndex(where: { $0.id == id }) {
                model.browse.users[index] = user
            }
        case .membershipsLoaded(let id, let result) where id == detail.userID: detail.memberships = result.remote
        case .invitationsLoaded(let id, let result) where id == detail.userID: detail.invitations = result.remote
        case .creditsLoaded(let id, let result) where id == detail.userID: detail.credits = result.remote
        case .subscriptionLoaded(let id, let result) where id == detail.userID: detail.subscription = result.remote
        default: return
        }
        model.screen = .detail(detail)
    }
}

public enum DetailLayout {
    /// Header, title, tabs, status bar.
    public static let chromeRows = 4
}
