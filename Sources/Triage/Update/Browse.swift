import ClerkAPI
import Terminal

/// Search pane and user table behaviour.
enum Browse {
    /// The order `s` walks through.
    static let sortCycle: [UserOrder.Field] = [
        .createdAt, .lastActiveAt, .lastSignInAt, .updatedAt, .firstName, .lastName, .emailAddress, .username, .phoneNumber, .web3Wallet,
    ]

    static func perform(_ action: String, _ model: inout TriageModel) -> [Effect] {
        switch action {
        case "table.search":
            model.browse.focus = .field(.query)
        case "table.up":
            if model.browse.selection > 0 {
                model.browse.selection -= 1
            } else if model.browse.offset > 0 {
                let effects = show(offset: max(0, model.browse.offset - model.pageSize), &model)
                model.browse.selection = max(0, model.browse.users.count - 1)
                return effects
            }
        case "table.down":
            if model.browse.selection + 1 < model.browse.users.count {
                model.browse.selection += 1
            } else if hasNextPage(model.browse, pageSize: model.pageSize) {
                model.browse.selection = 0
                return show(offset: model.browse.offset + model.pageSize, &model)
            }
        case "table.next-page":
            guard hasNextPage(model.browse, pageSize: model.pageSize) else {
                model.status = .init(text: "this is the last page", isError: false)
                return []
            }
            return show(offset: model.browse.offset + model.pageSize, &model)
        case "table.previous-page":
            guard model.browse.offset > 0 else {
                model.browse.selection = 0
                return []
            }
            return show(offset: max(0, model.browse.offset - model.pageSize), &model)
        case "table.first-page":
            model.browse.selection = 0
            return model.browse.offset == 0 ? [] : show(offset: 0, &model)
        case "table.last-page":
            guard let total = model.browse.total.value, total > 0 else {
                model.status = .init(text: "the total is not known yet", isError: false)
                return []
            }
            let last = (total - 1) / model.pageSize * model.pageSize
            model.browse.selection = total - 1 - last
            return last == model.browse.offset ? [] : show(offset: last, &model)
        case "table.open":
            guard let user = model.browse.selectedUser else { return [] }
            model.screen = .detail(DetailState(userID: user.id, user: .loaded(user)))
        case "table.mark":
            guard let user = model.browse.selectedUser else { return [] }
            if model.browse.marked.remove(user.id) == nil { model.browse.marked.insert(user.id) }
            if model.browse.selection + 1 < model.browse.users.count { model.browse.selection += 1 }
        case "table.clear-marks":
            model.browse.marked.removeAll()
        case "table.sort":
            let index = sortCycle.firstIndex(of: model.browse.order.field) ?? 0
            model.browse.order.field = sortCycle[(index + 1) % sortCycle.count]
            return restart(&model)
        case "table.sort-direction":
            model.browse.order.direction = model.browse.order.direction.flipped
            return restart(&model)
        case "table.banned-filter":
            model.browse.form.banned = model.browse.form.banned.next
            return restart(&model)
        case "table.reload":
            return restart(&model, keepOffset: true)
        case "table.copy-id":
            guard let user = model.browse.selectedUser else { return [] }
            model.status = .init(text: "copied \(user.id) to the clipboard", isError: false)
            return [.copyToClipboard(user.id)]
        default:
            break
        }
        return []
    }

    /// Keys while a search field has focus: editing goes to the field; Tab and friends move.
    static func searchKey(_ key: Key, field: SearchForm.Field, _ model: inout TriageModel) -> [Effect] {
        switch model.keymap.action(for: key, in: "search") {
        case "search.next-field":
            model.browse.focus = .field(SearchForm.Field(rawValue: (field.rawValue + 1) % SearchForm.Field.allCases.count) ?? .query)
            return []
        case "search.previous-field":
            let count = SearchForm.Field.allCases.count
            model.browse.focus = .field(SearchForm.Field(rawValue: (field.rawValue + count - 1) % count) ?? .query)
            return []
        case "search.done":
            model.browse.focus = .table
            // Enter searches now even for text too short to search as you type.
            if key == .enter, !model.browse.isCurrent || model.browse.pendingShortSearch {
                model.browse.pendingShortSearch = false
                return restart(&model)
            }
            return []
        default:
            break
        }
        var form = model.browse.form
        let before = form.filter
        switch field {
        case .query: form.query.handle(key)
        case .email: form.email.handle(key)
        case .name: form.name.handle(key)
        case .banned:
            switch key {
            case .character(" "), .right, .left, .character("b"): form.banned = form.banned.next
            default: break
            }
        }
        model.browse.form = form
        guard form.filter != before else { return [] }
        return changed(&model)
    }

    /// A filter changed while typing: drop what is stale, wait for the typing pause.
    static func changed(_ model: inout TriageModel) -> [Effect] {
        model.browse.generation += 1
        model.browse.cache = [:]
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
    static func restart(_ model: inout TriageModel, keepOffset: Bool = false) -> [Effect] {
        model.browse.generation += 1
        model.browse.cache = [:]
        if !keepOffset {
            model.browse.offset = 0
            model.browse.selection = 0
        }
        return search(&model)
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
        if let total = browse.total.value { return browse.offset + pageSize < total }
        return browse.users.count >= pageSize
    }

    /// Moves to the page at `offset`: from the prefetch cache at once, or from the API.
    static func show(offset: Int, _ model: inout TriageModel) -> [Effect] {
        let key = BrowseState.PageKey(offset: offset, limit: min(model.pageSize, UserListQuery.limitRange.upperBound))
        model.browse.offset = offset
        if let cached = model.browse.cache[key] {
            model.browse.users = cached
            model.browse.pageState = .ready
            model.browse.shownGeneration = model.browse.generation
            model.browse.selection = min(model.browse.selection, max(0, cached.count - 1))
            return prefetch(after: key, &model)
        }
        model.browse.pageState = .loading
        return [.loadPage(query(model, offset: offset), generation: model.browse.generation, prefetch: false)]
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
            model.browse.cache[key] = users
            guard !prefetch, key.offset == model.browse.offset else { return [] }
            model.browse.users = users
            model.browse.pageState = .ready
            model.browse.shownGeneration = generation
            model.browse.selection = min(model.browse.selection, max(0, users.count - 1))
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
        guard model.pageSize != oldPageSize, case .ready = model.browse.pageState else { return [.repaint] }
        let absolute = model.browse.offset + model.browse.selection
        let offset = absolute / model.pageSize * model.pageSize
        model.browse.selection = absolute - offset
        return [.repaint] + show(offset: offset, &model)
    }
}
