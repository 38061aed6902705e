import ClerkAPI
import ClerkActions
import Foundation
import Terminal

/// Runs the console: one thread owns the terminal and loops wait → update → view → draw; API
/// calls run as tasks whose answers come back through the mailbox and wake the loop. The model is
/// changed only by `TriageUpdate`; size and time arrive as messages like everything else.
public final class TriageRuntime {
    private let device: any TerminalDevice
    private let users: UsersClient
    private let themes: ThemeCatalog
    private let commands: CommandQueue?
    private let auditLog: AuditLog?
    private let mailbox: Mailbox<Msg>
    private let work = TaskRegistry()
    public private(set) var model: TriageModel
    private var pacer = SearchPacer()
    /// Offered for resuming when the console opens.
    private let unfinished: [UnfinishedCommand]
    /// Operations for the command queue, handed over in the order the operator made them.
    private typealias QueueOperation = @Sendable (CommandQueue, Mailbox<Msg>) async -> Void
    private let queueInbox: AsyncStream<QueueOperation>.Continuation
    private let queueOperations: AsyncStream<QueueOperation>
    private let queueDrained = DispatchSemaphore(value: 0)
    private let clock: @Sendable () -> UnixMillis
    private let externalEditor: ExternalEditor
    /// Called after each frame with the model drawn and the time `view` + `draw` took.
    public var onFrame: ((TriageModel, Duration) -> Void)?

    public init(device: any TerminalDevice, model: TriageModel, users: UsersClient, themes: ThemeCatalog,
                commands: CommandQueue? = nil, auditLog: AuditLog? = nil, unfinished: [UnfinishedCommand] = [],
                clock: @escaping @Sendable () -> UnixMillis = { Date().unixMillis }, externalEditor: ExternalEditor = ExternalEditor()) {
        self.externalEditor = externalEditor
        self.commands = commands
        self.auditLog = auditLog
        (queueOperations, queueInbox) = AsyncStream.makeStream(of: QueueOperation.self)
        self.unfinished = unfinished
        self.device = device
        self.model = model
        self.users = users
        self.themes = themes
        self.clock = clock
        mailbox = Mailbox(waker: device.makeWaker())
    }

    /// Background requests still running; zero means the console has everything it asked for.
    public var runningWork: Int { work.count }

    /// Blocks until the user quits or the process is told to terminate.
    public func run() {
        _ = apply(.clock(clock()))
        _ = apply(.resize(device.size))
        if let commands {
            let mailbox = mailbox
            let operations = queueOperations
            work.start(.commandEvents) {
                for await event in commands.events { mailbox.post(.command(event)) }
            }
            // One consumer, so two confirmations in a row reach the queue in that order.
            let drained = queueDrained
            Task {
                for await operation in operations { await operation(commands, mailbox) }
                drained.signal()
            }
        }
        _ = perform(TriageUpdate.start(&model, unfinished: unfinished))
        draw(fullRepaint: true)
        while !model.quitting {
            let events = device.waitForEvents(timeout: timeout())
            var messages: [Msg] = [.clock(clock())]
            for event in events {
                switch event {
                case .key(let key): messages.append(.key(key))
                case .resize(let size): messages.append(.resize(size))
                case .terminate: messages.append(.terminate)
                }
            }
            let answers = mailbox.drain()
            messages += answers
            if events.isEmpty, answers.isEmpty, model.isLoading { messages.append(.tick) }
            var repaint = false
            for message in messages where !model.quitting {
                if apply(message) { repaint = true }
            }
            if !model.quitting { draw(fullRepaint: repaint) }
        }
        // Nothing the console asked for is wanted any more.
        work.cancelAll()
        // A confirmed command is journalled by the queue; do not leave before it has been, or an
        // action confirmed just before quitting would be lost.
        queueInbox.finish()
        if commands != nil { _ = queueDrained.wait(timeout: .now() + 10) }
    }

    /// The spinner turns while something loads; otherwise the loop sleeps until input, an
    /// answer, or the next thing that changes by itself (a message fading).
    private func timeout() -> Duration? {
        if model.isLoading { return Spinner.interval }
        guard let deadline = model.nextDeadline else { return nil }
        return .milliseconds(max(0, deadline - clock()) + 1)
    }

    /// Updates the model and starts the effects; returns whether a full repaint is due.
    private func apply(_ message: Msg) -> Bool {
        perform(TriageUpdate.update(&model, message))
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
                // A page of a newer search makes every fetch of the older ones worthless.
                work.cancel { slot in
                    if case .prefetch(let other, _) = slot { return other != generation }
                    return false
                }
                let slot: WorkSlot = prefetch ? .prefetch(generation: generation, offset: query.offset) : .page
                start(slot) { users in
                    .pageLoaded(generation: generation, key: key, prefetch: prefetch, await Self.capture { try await users.list(query) })
                }
            case .loadCount(let filter, let generation):
                start(.count) { users in .countLoaded(generation: generation, await Self.capture { try await users.count(filter) }) }
            case .debounceSearch(let generation):
                let delay = pacer.delay(forKeystrokeAt: .now)
                if delay == .zero {
                    work.cancel { $0 == .debounce }
                    mailbox.post(.searchDue(generation: generation))
                } else {
                    start(.debounce) { _ in
                        try? await Task.sleep(for: delay)
                        return Task.isCancelled ? nil : .searchDue(generation: generation)
                    }
                }
            case .loadUser(let id):
                start(.user(.profile)) { users in .userLoaded(id: id, await Self.capture { try await users.get(id) }) }
            case .loadMemberships(let id):
                start(.user(.memberships)) { users in .membershipsLoaded(id: id, await Self.capture { try await users.organizationMemberships(id, limit: 50) }) }
            case .loadInvitations(let id):
                start(.user(.invitations)) { users in .invitationsLoaded(id: id, await Self.capture { try await users.organizationInvitations(id, limit: 50) }) }
            case .loadCredits(let id):
                start(.user(.credits)) { users in .creditsLoaded(id: id, await Self.capture { try await users.creditBalance(id) }) }
            case .loadSubscription(let id):
                start(.user(.subscription)) { users in
                    let result = await Self.capture { () async throws -> BillingSubscription? in
                        do {
                            return try await users.billingSubscription(id)
                        } catch let error as ClerkAPIError where error.httpStatus == 404 {
                            return nil
                        }
                    }
                    return .subscriptionLoaded(id: id, result)
                }
            case .checkMetadata(let id):
                start(.refresh(id)) { users in .metadataChecked(id: id, await Self.capture { try await users.get(id) }) }
            case .refreshUser(let id):
                start(.refresh(id)) { users in .userLoaded(id: id, await Self.capture { try await users.get(id) }) }
            case .enqueue(let command):
                queueWork { queue, mailbox in
                    do {
                        try await queue.enqueue(command)
                    } catch {
                        mailbox.post(.commandRejected(command, String(describing: error)))
                    }
                }
            case .retryCommand(let id):
                queueWork { queue, _ in _ = await queue.retry(id) }
            case .cancelCommand(let id):
                queueWork { queue, _ in _ = await queue.cancel(id) }
            case .confirmApplied(let id):
                queueWork { queue, _ in _ = await queue.confirmApplied(id) }
            case .abandonCommand(let id):
                queueWork { queue, _ in _ = await queue.abandon(id) }
            case .resume(let unfinished):
                queueWork { queue, _ in await queue.resume(unfinished) }
            case .discard(let unfinished):
                queueWork { queue, _ in await queue.discard(unfinished) }
            case .loadAudit:
                let auditLog = auditLog
                start(.audit) { _ in
                    guard let auditLog else { return .auditLoaded(.success([])) }
                    return .auditLoaded(Result { () throws(StateFileError) -> [AuditRecord] in try auditLog.newestFirst(limit: 1_000).records })
                }
            case .loadTrustedDevices(let id):
                start(.user(.devices)) { users in .trustedDevicesLoaded(id: id, await Self.capture { try await users.trustedDevices(id) }) }
            case .cancelUserLoads:
                work.cancel { if case .user = $0 { true } else { false } }
            case .copyToClipboard(let text):
                device.send(rawSequence: Clipboard.osc52(text))
            case .loadTheme(let name):
                // Off the UI thread: a theme is a file, and a slow or remote home directory must not stall drawing.
                let themes = themes
                let depth = device.colorDepth
                start(.theme) { _ in .themeLoaded(Result { () throws(ThemeError) -> Theme in try themes.load(name).degraded(to: depth) }) }
            case .suspend:
                device.suspend()
                repaint = true
            case .externalEdit(let edit):
                // On this thread: nothing may draw or read keys while the editor has the terminal.
                let result = externalEditor.run(edit) { device.handOverTerminal($0) }
                mailbox.post(.externalEditFinished(edit, result))
                repaint = true
            case .repaint:
                repaint = true
            case .quit:
                work.cancelAll()
            }
        }
        return repaint
    }

    /// Runs `work` in `slot` and posts its answer, unless it was cancelled on the way: a
    /// superseded answer is not news.
    private func start(_ slot: WorkSlot, _ body: @escaping @Sendable (UsersClient) async -> Msg?) {
        let users = users
        let mailbox = mailbox
        work.start(slot) {
            guard let message = await body(users), !Task.isCancelled else { return }
            mailbox.post(message)
        }
    }

    /// Hands work to the command queue. Not a slot of the registry: a confirmed command is never
    /// cancelled because something else started; the journal keeps it if the console quits first.
    private func queueWork(_ body: @escaping QueueOperation) {
        queueInbox.yield(body)
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
