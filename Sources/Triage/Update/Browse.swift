import ClerkAPI
import Terminal

/// Search pane and user table behaviour.
enum Browse {
    /// The order `s` walks through.
    static let sortCycle: [UserOrder.Field] = [
        .createdAt, .lastActiveAt, .lastSignInAt, .updatedAt, .firstName, .lastName, .emailAddress, .username, .phoneNumber, .web3Wallet,
    ]

    static func perform(_ action: TriageAction, _ model: inout TriageModel) -> [Effect] {
        switch action {
        case .search:
            model.browse.focus = .field(.query)
        case .up:
            if model.browse.selection > 0 {
                model.browse.selection -= 1
            } else if model.browse.offset > 0 {
                model.browse.selection = model.pageSize - 1
                return show(offset: max(0, model.browse.offset - model.pageSize), &model)
            }
        case .down:
            if model.browse.selection + 1 < model.browse.rowIDs.count {
                model.browse.selection += 1
            } else if hasNextPage(model.browse, pageSize: model.pageSize) {
                model.browse.selection = 0
                return show(offset: model.browse.offset + model.pageSize, &model)
            }
        case .nextPage:
            guard hasNextPage(model.browse, pageSize: model.pageSize) else {
                model.say("this is the last page")
                return []
            }
            return show(offset: model.browse.offset + model.pageSize, &model)
        case .previousPage:
            guard model.browse.offset > 0 else {
                model.browse.selection = 0
                return []
            }
            return show(offset: max(0, model.browse.offset - model.pageSize), &model)
        case .firstPage:
            model.browse.selection = 0
            return model.browse.offset == 0 ? [] : show(offset: 0, &model)
        case .lastPage:
            guard let total = model.browse.total.value, !model.browse.total.isLoading, total > 0 else {
                model.say("the total is not known yet")
                return []
            }
            let last = (total - 1) / model.pageSize * model.pageSize
            model.browse.selection = total - 1 - last
            return last == model.browse.offset ? [] : show(offset: last, &model)
        case .open:
            guard let user = actionable(&model) else { return [] }
            model.screen = .detail(DetailState(userID: user.id))
        case .mark:
            guard let user = actionable(&model) else { return [] }
            if model.browse.marked.remove(user.id) == nil { model.browse.marked.insert(user.id) }
            if model.browse.selection + 1 < model.browse.rowIDs.count {
                model.browse.selection += 1
            } else if hasNextPage(model.browse, pageSize: model.pageSize) {
                // Marking runs on across pages, instead of toggling the last row back and forth.
                model.browse.selection = 0
                return show(offset: model.browse.offset + model.pageSize, &model)
            }
        case .clearMarks:
            model.browse.marked.removeAll()
        case .sort:
            let index = sortCycle.firstIndex(of: model.browse.order.field) ?? 0
            model.browse.order.field = sortCycle[(index + 1) % sortCycle.count]
            return restart(&model)
        case .sortDirection:
            model.browse.order.direction = model.browse.order.direction.flipped
            return restart(&model)
        case .bannedFilter:
            model.browse.form.banned = model.browse.form.banned.next
            return restart(&model, filterChanged: true)
        case .reload:
            model.browse.pendingShortSearch = false
            return restart(&model, keepOffset: true)
        case .copyID:
            guard let user = actionable(&model) else { return [] }
            return Copy.id(of: user, &model)
        case .copyEmail:
            guard let user = actionable(&model) else { return [] }
            return Copy.email(of: user, &model)
        default:
            break
        }
        return []
    }

    /// The selected user, if the rows on screen answer the current search and page. Rows left from
    /// an earlier search or page are only shown, never acted on: Enter must not open someone else.
    static func actionable(_ model: inout TriageModel) -> User? {
        if let user = model.selectedUser { return user }
        if !model.browse.rowIDs.isEmpty, !model.browse.isCurrent { model.say(waitMessage) }
        return nil
    }

    /// Keys while a search field has focus: typed text goes to the field; other keys are actions
    /// of the search pane, then global ones (Ctrl-C, Ctrl-R…), then the field's editing keys.
    static func searchKey(_ key: Key, field: SearchForm.Field, _ model: inout TriageModel) -> [Effect] {
        if let action = model.keymap.action(for: key, in: .search, includeGlobal: !key.isText, where: { model.isAvailable($0) }) {
            switch action {
            case .nextField:
                model.browse.focus = .field(SearchForm.Field(rawValue: (field.rawValue + 1) % SearchForm.Field.allCases.count) ?? .query)
                return []
            case .previousField:
                let count = SearchForm.Field.allCases.count
                model.browse.focus = .field(SearchForm.Field(rawValue: (field.rawValue + count - 1) % count) ?? .query)
                return []
            case .cycleBanned:
                model.browse.form.banned = model.browse.form.banned.next
                return changed(&model)
            case .searchDone:
                model.browse.focus = .table
                // Enter searches now: text too short to search as you type, or a search still
                // waiting for the typing pause. One already on its way is not asked for twice.
                let waiting = model.browse.generation != model.browse.shown?.generation && !model.browse.isLoadingPage
                if key == .enter, waiting || model.browse.pendingShortSearch {
                    model.browse.pendingShortSearch = false
                    return restart(&model)
                }
                return []
            default:
                return KeyDispatch.perform(action, &model)
            }
        }
        var form = model.browse.form
        let before = form.filter
        let consumed: Bool = switch field {
        case .query: form.query.handle(key)
        case .email: form.email.handle(key)
        case .name: form.name.handle(key)
        case .banned: false
        }
        guard consumed else { return KeyDispatch.unbound(key, &model) }
        model.browse.form = form
        guard form.filter != before else { return [] }
        return changed(&model)
    }

    /// A filter changed while typing: drop what is stale, wait for the typing pause.
    static func changed(_ model: inout TriageModel) -> [Effect] {
        newGeneration(&model, filterChanged: true)
        model.browse.offset = 0
        model.browse.selection = 0
        guard model.browse.form.searchesAsYouType else {
            model.browse.pendingShortSearch = true
            return []
        }
        model.browse.pendingShortSearch = false
        return [.debounceSearch(generation: model.browse.generation)]
    }

    /// Order or filter changed by a command: search now.
    static func restart(_ model: inout TriageModel, keepOffset: Bool = false, filterChanged: Bool = false) -> [Effect] {
        newGeneration(&model, filterChanged: filterChanged)
        if !keepOffset {
            model.browse.offset = 0
            model.browse.selection = 0
        }
        return search(&model)
    }

    /// Every cached page belongs to the old question; the store keeps only users still referred to.
    /// A new filter also unmarks: a bulk action must never reach users the search no longer shows.
    static func newGeneration(_ model: inout TriageModel, filterChanged: Bool = false) {
        model.browse.generation += 1
        model.browse.cache = [:]
        if filterChanged, !model.browse.marked.isEmpty {
            model.say("unmarked \(model.browse.marked.count) user\(model.browse.marked.count == 1 ? "" : "s"): the search changed")
            model.browse.marked.removeAll()
        }
        var keep = Set(model.browse.rowIDs).union(model.browse.marked)
        if case .detail(let detail) = model.screen { keep.insert(detail.userID) }
        model.users.prune(keeping: keep)
    }

    /// Asks for the current page and the total of the current generation.
    static func search(_ model: inout TriageModel) -> [Effect] {
        model.browse.pageState = .loading
        model.browse.total = .loading
        let generation = model.browse.generation
        return [
            .loadPage(query(model, offset: model.browse.offset), generation: generation, prefetch: false),
            .loadCount(model.browse.form.filter, generation: generation),
        ]
    }

    static func query(_ model: TriageModel, offset: Int) -> UserListQuery {
        UserListQuery(filter: model.browse.form.filter, order: model.browse.order, limit: min(model.pageSize, UserListQuery.limitRange.upperBound), offset: offset)
    }

    static func hasNextPage(_ browse: BrowseState, pageSize: Int) -> Bool {
        if let total = browse.total.value, !browse.total.isLoading { return browse.offset + pageSize < total }
        return browse.rowIDs.count >= pageSize
    }

    /// Moves to the page at `offset`: from the prefetch cache at once, or from the API.
    static func show(offset: Int, _ model: inout TriageModel) -> [Effect] {
        let key = BrowseState.PageKey(offset: offset, limit: min(model.pageSize, UserListQuery.limitRange.upperBound))
        model.browse.offset = offset
        if let cached = model.browse.cache[key] {
            display(cached, key: key, &model)
            return prefetch(after: key, &model)
        }
        model.browse.pageState = .loading
        return [.loadPage(query(model, offset: offset), generation: model.browse.generation, prefetch: false)]
    }

    static let waitMessage = "wait for the new results: these rows are from before"

    private static func display(_ ids: [String], key: BrowseState.PageKey, _ model: inout TriageModel) {
        if model.status?.text == waitMessage { model.status = nil }
        model.browse.shown = BrowseState.Page(generation: model.browse.generation, offset: key.offset, ids: ids)
        model.browse.pageState = .ready
        model.browse.selection = min(model.browse.selection, max(0, ids.count - 1))
    }

    static func prefetch(after key: BrowseState.PageKey, _ model: inout TriageModel) -> [Effect] {
        let next = BrowseState.PageKey(offset: key.offset + key.limit, limit: key.limit)
        guard model.browse.cache[next] == nil else { return [] }
        if let total = model.browse.total.value, next.offset >= total { return [] }
        return [.loadPage(query(model, offset: next.offset), generation: model.browse.generation, prefetch: true)]
    }

    static func pageLoaded(
        _ model: inout TriageModel, generation: Int, key: BrowseState.PageKey, prefetch: Bool, _ result: Result<[User], ClerkAPIError>
    ) -> [Effect] {
        guard generation == model.browse.generation else { return [] }
        switch result {
        case .success(let users):
            model.users.put(users)
            let ids = users.map(\.id)
            model.browse.cache[key] = ids
            guard !prefetch, key.offset == model.browse.offset else { return [] }
            display(ids, key: key, &model)
            if users.count < key.limit, model.browse.total.value == nil {
                model.browse.total = .loaded(key.offset + users.count)
            }
            return Self.prefetch(after: key, &model)
        case .failure(let error):
            guard !prefetch, key.offset == model.browse.offset else { return [] }
            if case .cancelled = error { return [] }
            model.browse.pageState = .failed(error)
            return []
        }
    }

    /// A new window size changes the page size: keep the selected user on screen.
    static func resize(_ model: inout TriageModel, to size: Size) -> [Effect] {
        let oldPageSize = model.pageSize
        model.size = size
        guard model.pageSize != oldPageSize, model.browse.isCurrent else { return [.repaint] }
        let absolute = model.browse.offset + model.browse.selection
        let offset = absolute / model.pageSize * model.pageSize
        model.browse.selection = absolute - offset
        return [.repaint] + show(offset: offset, &model)
    }
}
