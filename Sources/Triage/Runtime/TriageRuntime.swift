import ClerkAPI
import Foundation
import Synchronization
import Terminal

/// Runs the console: one thread owns the terminal and loops wait → update → view → draw; API
/// calls run as tasks whose answers come back through the mailbox and wake the loop.
public final class TriageRuntime: @unchecked Sendable {
    // The loop's state (model, tasks) is touched by the loop's thread only; tasks reach it solely
    // through the mailbox, which is why this class can be shared with them.
    private let device: any TerminalDevice
    private let users: UsersClient
    private let themes: ThemeCatalog
    private let mailbox: Mailbox<Msg>
    public private(set) var model: TriageModel
    private var showTask: Task<Void, Never>?
    private var countTask: Task<Void, Never>?
    private let inFlight = EffectCounter()
    private var pacer = SearchPacer()
    /// Called after each frame with the model drawn and the time `view` + `draw` took.
    public var onFrame: ((TriageModel, Duration) -> Void)?

    public init(device: any TerminalDevice, model: TriageModel, users: UsersClient, themes: ThemeCatalog) {
        self.device = device
        self.model = model
        self.users = users
        self.themes = themes
        mailbox = Mailbox(waker: device.makeWaker())
    }

    /// API calls under way; zero means the console has everything it asked for.
    public var pendingEffects: Int { inFlight.value }

    /// Blocks until the user quits or the process is told to terminate.
    public func run() {
        model.size = device.size
        model.now = Date().unixMillis
        var repaint = perform(TriageUpdate.start(&model))
        draw(fullRepaint: true)
        while !model.quitting {
            let timeout: Duration? = model.isBusy ? Spinner.interval : nil
            let events = device.waitForEvents(timeout: timeout)
            var messages: [Msg] = events.map { event in
                switch event {
                case .key(let key): .key(key)
                case .resize(let size): .resize(size)
                case .terminate: .terminate
                }
            }
            messages += mailbox.drain()
            if messages.isEmpty { messages = [.tick] }
            model.now = Date().unixMillis
            repaint = false
            for message in messages where !model.quitting {
                if perform(TriageUpdate.update(&model, message)) { repaint = true }
            }
            if !model.quitting { draw(fullRepaint: repaint) }
        }
        showTask?.cancel()
        countTask?.cancel()
    }

    private func draw(fullRepaint: Bool) {
        let started = ContinuousClock.now
        let grid = TriageView.render(model)
        device.draw(grid, fullRepaint: fullRepaint)
        onFrame?(model, started.duration(to: .now))
    }

    /// Starts the effects; returns whether one asked for a full repaint.
    private func perform(_ effects: [Effect]) -> Bool {
        var repaint = false
        for effect in effects {
            switch effect {
            case .loadPage(let query, let generation, let prefetch):
                let key = BrowseState.PageKey(offset: query.offset, limit: query.limit)
                let task = spawn { users in
                    Msg.pageLoaded(generation: generation, key: key, prefetch: prefetch, await Self.capture { try await users.list(query) })
                }
                // Latest wins: a new page or search makes the one in flight worthless.
                if !prefetch {
                    showTask?.cancel()
                    showTask = task
                }
            case .loadCount(let filter, let generation):
                countTask?.cancel()
                countTask = spawn { users in .countLoaded(generation: generation, await Self.capture { try await users.count(filter) }) }
            case .debounceSearch(let generation):
                let delay = pacer.delay(forKeystrokeAt: .now)
                if delay == .zero {
                    mailbox.post(.searchDue(generation: generation))
                } else {
                    spawn { _ in
                        try? await Task.sleep(for: delay)
                        return .searchDue(generation: generation)
                    }
                }
            case .loadUser(let id):
                spawn { users in .userLoaded(id: id, await Self.capture { try await users.get(id) }) }
            case .loadMemberships(let id):
                spawn { users in .membershipsLoaded(id: id, await Self.capture { try await users.organizationMemberships(id, limit: 50) }) }
            case .loadInvitations(let id):
                spawn { users in .invitationsLoaded(id: id, await Self.capture { try await users.organizationInvitations(id, limit: 50) }) }
            case .loadCredits(let id):
                spawn { users in .creditsLoaded(id: id, await Self.capture { try await users.creditBalance(id) }) }
            case .loadSubscription(let id):
                spawn { users in
                    let result = await Self.capture { () async throws -> BillingSubscription? in
                        do {
                            return try await users.billingSubscription(id)
                        } catch let error as ClerkAPIError where error.httpStatus == 404 {
                            return nil
                        }
                    }
                    return .subscriptionLoaded(id: id, result)
                }
            case .copyToClipboard(let text):
                device.send(rawSequence: Clipboard.osc52(text, insideTmux: ProcessInfo.processInfo.environment["TMUX"] != nil))
            case .loadTheme(let name):
                // Off the UI thread: a theme is a file, and a slow or remote home directory must not stall drawing.
                let themes = themes
                let depth = device.colorDepth
                spawn { _ in .themeLoaded(Result { () throws(ThemeError) -> Theme in try themes.load(name).degraded(to: depth) }) }
            case .repaint:
                repaint = true
            case .quit:
                break
            }
        }
        return repaint
    }

    /// Runs `work` as a task that posts its answer; counted so that tests and benchmarks can wait
    /// for quiet instead of sleeping.
    @discardableResult
    private func spawn(_ work: @escaping @Sendable (UsersClient) async -> Msg) -> Task<Void, Never> {
        inFlight.add(1)
        let users = users
        let mailbox = mailbox
        let inFlight = inFlight
        return Task {
            let message = await work(users)
            mailbox.post(message)
            inFlight.add(-1)
        }
    }

    private static func capture<T>(_ body: () async throws -> T) async -> Result<T, ClerkAPIError> {
        do {
            return .success(try await body())
        } catch let error as ClerkAPIError {
            return .failure(error)
        } catch {
            return .failure(.cancelled)
        }
    }
}

/// Effects under way, readable from any thread.
final class EffectCounter: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .acquiring) }

    func add(_ delta: Int) {
        count.add(delta, ordering: .acquiringAndReleasing)
    }
}
