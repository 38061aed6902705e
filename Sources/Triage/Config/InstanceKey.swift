import ClerkAPI
import Foundation

/// Reads an instance's secret key from where the config file says. What it read is never put in
/// an error, a log or a file: the errors say what went wrong and what the operator can do.
public enum InstanceKey {
    public static func read(for instance: String, from source: InstanceEntry.KeySource, environment: [String: String],
                            timeout: Duration = KeyCommand.defaultTimeout) throws(InstanceKeyError) -> SecretKey {
        switch source {
        case .environment(let variable):
            guard let value = environment[variable], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InstanceKeyError(instance: instance, problem: .variableUnset(variable))
            }
            return SecretKey(value)
        case .command(let command):
            let output: Data
            switch KeyCommand.run(command, environment: environment, timeout: timeout) {
            case .exited(0, let printed): output = printed
            case .exited(let status, _): throw InstanceKeyError(instance: instance, problem: .commandFailed(status: status))
            case .signalled(let signal): throw InstanceKeyError(instance: instance, problem: .commandKilled(signal: signal))
            case .timedOut: throw InstanceKeyError(instance: instance, problem: .commandTimedOut(timeout))
            case .tooMuchOutput: throw InstanceKeyError(instance: instance, problem: .commandPrintedTooMuch)
            case .couldNotStart(let error): throw InstanceKeyError(instance: instance, problem: .commandNotStarted(errno: error))
            }
            let key = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw InstanceKeyError(instance: instance, problem: .commandPrintedNothing) }
            guard !key.contains(where: \.isNewline) else { throw InstanceKeyError(instance: instance, problem: .commandPrintedLines) }
            return SecretKey(key)
        }
    }
}

/// The key of a configured instance could not be had. Never holds anything the key source printed.
public struct InstanceKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case variableUnset(String)
        case commandFailed(status: Int32)
        case commandKilled(signal: Int32)
        case commandTimedOut(Duration)
        case commandPrintedNothing
        case commandPrintedLines
        case commandPrintedTooMuch
        case commandNotStarted(errno: Int32)
    }

    public var instance: String
    public var problem: Problem

    public var description: String { "no key for instance '\(instance)': \(reason)" }

    /// What went wrong and what to do, without the instance's name.
    public var reason: String {
        switch problem {
        case .variableUnset(let variable):
            "\(variable) is not set (its key_env); set it to the instance's secret key, or give the instance a key_command"
        case .commandFailed(let status):
            "key_command failed (exit status \(status)); try it in a shell"
        case .commandKilled(let signal):
            "its key_command was stopped by signal \(signal)"
        case .commandTimedOut(let limit):
            "its key_command printed no key within \(limit.components.seconds) s and was stopped; try it in a shell"
        case .commandPrintedNothing:
            "its key_command printed nothing on stdout; it must print the secret key"
        case .commandPrintedLines:
            "its key_command printed more than one line; it must print only the key (add | head -n 1?)"
        case .commandPrintedTooMuch:
            "its key_command printed far more than a key; it must print only the key"
        case .commandNotStarted(let error):
            "its key_command could not be started by /bin/sh (\(String(cString: strerror(error))))"
        }
    }
}
