import ClerkAPI
import Terminal

/// The user detail view.
enum Detail {
    static func perform(_ action: TriageAction, _ model: inout TriageModel) -> [Effect] {
        guard case .detail(var detail) = model.screen else { return [] }
        let page = max(1, contentHeight(model) - 1)
        var effects: [Effect] = []
        switch action {
        case .back:
            model.screen = .browse
            return [.cancelUserLoads]
        case .nextSection:
            let all = DetailState.Section.allCases
            return show(all[(detail.section.rawValue + 1) % all.count], &model)
        case .previousSection:
            let all = DetailState.Section.allCases
            return show(all[(detail.section.rawValue + all.count - 1) % all.count], &model)
        case .section1, .section2, .section3, .section4, .section5, .section6:
            guard let section = action.section else { return [] }
            return show(section, &model)
        case .scrollUp: detail.scroll[detail.section, default: 0] -= 1
        case .scrollDown: detail.scroll[detail.section, default: 0] += 1
        case .scrollPageUp: detail.scroll[detail.section, default: 0] -= page
        case .scrollPageDown: detail.scroll[detail.section, default: 0] += page
        case .copyID:
            model.say("copied \(detail.userID) to the clipboard")
            effects = [.copyToClipboard(detail.userID)]
        case .copyEmail:
            guard let user = model.users[detail.userID] else { return [] }
            return Copy.email(of: user, &model)
        case .reload:
            effects = reload(&detail)
        default:
            return []
        }
        model.screen = .detail(detail)
        clampScroll(&model)
        return effects
    }

    /// Reloads the user and whatever of theirs was loaded. What is on screen stays, marked stale,
    /// until the answers arrive; a failed reload shows its error above it.
    static func reload(_ detail: inout DetailState) -> [Effect] {
        detail.fetch.isLoading = true
        var effects: [Effect] = [.loadUser(detail.userID)]
        if !detail.memberships.isIdle || !detail.invitations.isIdle {
            detail.memberships.reload()
            detail.invitations.reload()
            effects += [.loadMemberships(detail.userID), .loadInvitations(detail.userID)]
        }
        if !detail.credits.isIdle || !detail.subscription.isIdle {
            detail.credits.reload()
            detail.subscription.reload()
            effects += [.loadCredits(detail.userID), .loadSubscription(detail.userID)]
        }
        return effects
    }

    /// Opens a user by id (from `:user`): from the store if known, always asking the API.
    static func open(_ id: String, _ model: inout TriageModel) -> [Effect] {
        model.screen = .detail(DetailState(userID: id, fetch: Fetch(isLoading: true)))
        return [.cancelUserLoads, .loadUser(id)]
    }

    static func show(_ section: DetailState.Section, _ model: inout TriageModel) -> [Effect] {
        guard case .detail(var detail) = model.screen else { return [] }
        detail.section = section
        let effects = lazyLoads(&detail)
        model.screen = .detail(detail)
        clampScroll(&model)
        return effects
    }

    /// Organisations and billing are fetched the first time their section is shown.
    static func lazyLoads(_ detail: inout DetailState) -> [Effect] {
        switch detail.section {
        case .organizations where detail.memberships.isIdle || detail.invitations.isIdle:
            detail.memberships.reload()
            detail.invitations.reload()
            return [.loadMemberships(detail.userID), .loadInvitations(detail.userID)]
        case .billing where detail.credits.isIdle || detail.subscription.isIdle:
            detail.credits.reload()
            detail.subscription.reload()
            return [.loadCredits(detail.userID), .loadSubscription(detail.userID)]
        default:
            return []
        }
    }

    /// A user answer goes to the store, whoever it is about: the table shows it too. Answers about
    /// the sections of a user no longer open are dropped.
    static func received(_ msg: Msg, _ model: inout TriageModel) {
        if case .userLoaded(_, .success(let user)) = msg { model.users.put(user) }
        guard case .detail(var detail) = model.screen else { return }
        switch msg {
        case .userLoaded(let id, let result) where id == detail.userID:
            detail.fetch.isLoading = false
            if case .failure(let error) = result {
                if case .cancelled = error { break }
                detail.fetch.error = error
            } else {
                detail.fetch.error = nil
            }
        case .membershipsLoaded(let id, let result) where id == detail.userID: detail.memberships.receive(result)
        case .invitationsLoaded(let id, let result) where id == detail.userID: detail.invitations.receive(result)
        case .creditsLoaded(let id, let result) where id == detail.userID: detail.credits.receive(result)
        case .subscriptionLoaded(let id, let result) where id == detail.userID: detail.subscription.receive(result)
        default: return
        }
        model.screen = .detail(detail)
        clampScroll(&model)
    }

    /// Rows the section's text has on screen.
    static func contentHeight(_ model: TriageModel) -> Int {
        max(1, model.size.height - DetailLayout.chromeRows)
    }

    /// Keeps the section's scroll within its text, so that after scrolling past the end the first
    /// key back moves the view.
    static func clampScroll(_ model: inout TriageModel) {
        guard case .detail(var detail) = model.screen else { return }
        let lines = DetailContent(theme: model.theme, now: model.now).lines(detail, user: model.users[detail.userID]).count
        let limit = max(0, lines - contentHeight(model))
        detail.scroll[detail.section] = min(max(0, detail.scroll[detail.section, default: 0]), limit)
        model.screen = .detail(detail)
    }
}

public enum DetailLayout {
    /// Header, title, tabs, status bar.
    public static let chromeRows = 4
}
