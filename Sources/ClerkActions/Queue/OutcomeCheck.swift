import ClerkAPI

/// Finding out whether a request whose answer was lost was applied, by reading back.
struct OutcomeCheck: Sendable {
    enum Verdict: Sendable {
        case applied(CommandResult)
        case notApplied
        /// Sending again cannot do it twice; send again to find out.
        case resend
        case cannotTell(String)
    }

    let users: UsersClient
    /// A metadata command's baseline: applied, not applied and changed by someone else are told apart.
    var baseline: MetadataBaseline? = nil

    /// Whether `error` leaves open that Clerk applied the request: no answer, a server error, a
    /// success with an unreadable body, or a deletion's 404 when an earlier send (by this command,
    /// before a restart or by the client's own retry) may have done it. A 404 to the first send is
    /// plain: there was nothing to delete, a mistyped id most likely, and it fails as such.
    static func leavesOutcomeUnknown(_ error: ClerkAPIError, for action: CommandAction, sentBefore: Bool) -> Bool {
        switch error {
        case .transport: true
        case .api(let failure): failure.status >= 500 || (failure.status == 404 && action.isDeletion && (sentBefore || failure.attempt > 1))
        case .undecodable(let response): (200..<300).contains(response.status)
        case .invalidRequest, .cancelled: false
        }
    }

    func verdict(for action: CommandAction, userID: String) async -> Verdict {
        switch action {
        case .adjustCredit, .setPasswordCompromised, .unsetPasswordCompromised:
            // The idempotency key (credit) or the flag's nature (compromised) makes a repeat harmless,
            // and neither shows on the user record.
            return .resend
        case .verifyTOTP:
            return .notApplied
        case .revokeTrustedDevice(let deviceID):
            do {
                let devices = try await users.trustedDevices(userID)
                guard let device = devices.data.first(where: { $0.id == deviceID }) else {
                    return .applied(CommandResult(note: "the device is no longer listed"))
                }
                return device.status == .revoked ? .applied(CommandResult(trustedDevice: device, note: "the device shows as revoked")) : .notApplied
            } catch {
                return .cannotTell(Self.unreadable(userID, error))
            }
        case .deleteUser:
            do {
                _ = try await users.get(userID)
                return .notApplied
            } catch .api(let failure) where failure.status == 404 {
                return .applied(CommandResult(deletedUserIDs: [userID], note: "the user no longer exists"))
            } catch {
                return .cannotTell(Self.unreadable(userID, error))
            }
        default:
            do {
                let user = try await users.get(userID)
                if let baseline { return MetadataBaselineCheck.lostAnswerVerdict(action, baseline, user) }
                switch action.isVisiblyApplied(to: user) {
                case true?: return .applied(CommandResult(users: [user], note: "re-reading the user shows it done"))
                case false?: return .notApplied
                case nil: return .cannotTell("the user record does not show whether it was applied")
                }
            } catch .api(let failure) where failure.status == 404 {
                // No such user: nothing was or will be done to them.
                return .notApplied
            } catch {
                return .cannotTell(Self.unreadable(userID, error))
            }
        }
    }

    private static func unreadable(_ userID: String, _ error: ClerkAPIError) -> String {
        "Clerk's answer was lost and \(userID) could not be re-read to check (\(error))"
    }
}
