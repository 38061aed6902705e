import ClerkAPI
import Foundation

/// "3h ago", "2d ago", "just now": how long since, in the unit an agent reads at a glance.
public enum RelativeTime {
    public static func format(_ time: UnixMillis?, now: UnixMillis) -> String {
        guard let time else { return "never" }
        let seconds = (now - time) / 1000
        if seconds < 0 { return "in future" }
        if seconds < 60 { return "just now" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m ago" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h ago" }
        let days = hours / 24
        if days < 30 { return "\(days)d ago" }
        let months = days / 30
        if months < 12 { return "\(months)mo ago" }
        return "\(days / 365)y ago"
    }

    /// `2025-03-14` (UTC): an absolute date for columns where the age alone is not enough.
    public static func date(_ time: UnixMillis?) -> String {
        guard let time else { return "—" }
        return dateFormatter.string(from: Date(unixMillis: time))
    }

    /// `2025-03-14 09:26 UTC` plus the relative age.
    public static func full(_ time: UnixMillis?, now: UnixMillis) -> String {
        guard let time else { return "never" }
        return "\(dateTimeFormatter.string(from: Date(unixMillis: time))) UTC (\(format(time, now: now)))"
    }

    /// `09:26:03` (UTC), for when a command was given this session.
    public static func clock(_ date: Date) -> String {
        clockFormatter.string(from: date)
    }

    private static let dateFormatter = utcFormatter("yyyy-MM-dd")
    private static let clockFormatter = utcFormatter("HH:mm:ss")
    private static let dateTimeFormatter = utcFormatter("yyyy-MM-dd HH:mm")

    private static func utcFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}

extension Int {
    /// `4,118`
    public var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }
}
