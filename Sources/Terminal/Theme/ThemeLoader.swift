import Foundation
import Yams

/// What is wrong with a theme file, naming the key so the user can fix it.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "theme \(file): \(message)" }
}

/// Reads `themes/NAME.yaml`:
///
///     name: dark
///     roles:
///       header: { fg: white, bg: "#1f4e79", attrs: [bold], mono: [reverse] }
///
/// Colours: a name (`red`, `bright-blue`, `default`…), an xterm index 0–255, or `#rrggbb`.
public enum ThemeLoader {
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw ThemeError(file: file, message: "not valid YAML: \(error)")
        }
        guard let document = node as? [String: Any] else { throw ThemeError(file: file, message: "expected a mapping with name and roles") }
        if let unknown = document.keys.sorted().first(where: { !["name", "description", "roles"].contains($0) }) {
            throw ThemeError(file: file, message: "unknown key '\(unknown)' (expected name, description, roles)")
        }
        guard let name = document["name"] as? String, !name.isEmpty else { throw ThemeError(file: file, message: "missing 'name'") }
        guard let roleNodes = document["roles"] as? [String: Any] else { throw ThemeError(file: file, message: "missing 'roles'") }
        var roles: [ThemeRole: Theme.RoleStyle] = [:]
        for key in roleNodes.keys.sorted() {
            guard let role = ThemeRole(rawValue: key) else {
                throw ThemeError(file: file, message: "unknown role 'roles.\(key)'; valid roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            roles[role] = try roleStyle(roleNodes[key], path: "roles.\(key)", file: file)
        }
        if let missing = ThemeRole.allCases.first(where: { roles[$0] == nil }) {
            throw ThemeError(file: file, message: "missing role 'roles.\(missing.rawValue)'; a theme must style every role")
        }
        return Theme(name: name, roles: roles)
    }

    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else { throw ThemeError(file: path, message: "cannot be read") }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    private static func roleStyle(_ node: Any?, path: String, file: String) throws(ThemeError) -> Theme.RoleStyle {
        guard let fields = node as? [String: Any] else { throw ThemeError(file: file, message: "'\(path)' must be a mapping of fg, bg, attrs, mono") }
        if let unknown = fields.keys.sorted().first(where: { !["fg", "bg", "attrs", "mono"].contains($0) }) {
            throw ThemeError(file: file, message: "unknown key '\(path).\(unknown)' (expected fg, bg, attrs, mono)")
        }
        let style = Style(
            foreground: try color(fields["fg"], path: "\(path).fg", file: file),
            background: try color(fields["bg"], path: "\(path).bg", file: file),
            attributes: try attributes(fields["attrs"], path: "\(path).attrs", file: file))
        let monochrome = fields["mono"] == nil
            ? (style.background == .default ? style.attributes : style.attributes.union(.reverse))
            : try attributes(fields["mono"], path: "\(path).mono", file: file)
        return Theme.RoleStyle(style: style, monochrome: monochrome)
    }

    static let colorNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    static func color(_ node: Any?, path: String, file: String) throws(ThemeError) -> Color {
        switch node {
        case nil: return .default
        case let index as Int:
            guard (0...255).contains(index) else { throw ThemeError(file: file, message: "'\(path)': \(index) is not a colour index 0–255") }
            return .indexed(UInt8(index))
        case let text as String:
            let lowered = text.lowercased()
            if lowered == "default" { return .default }
            if let index = colorNames[lowered] { return .indexed(index) }
            if lowered.hasPrefix("#"), lowered.count == 7, let value = Int(lowered.dropFirst(), radix: 16) {
                return Color.nearest(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
            }
            throw ThemeError(file: file, message: "'\(path)': '\(text)' is not a colour (use a name like bright-blue, 0–255, or #rrggbb)")
        default:
            throw ThemeError(file: file, message: "'\(path)' must be a colour name, number or #rrggbb")
        }
    }

    static func attributes(_ node: Any?, path: String, file: String) throws(ThemeError) -> Style.Attributes {
        guard let node else { return [] }
        guard let list = node as? [String] else { throw ThemeError(file: file, message: "'\(path)' must be a list such as [bold, underline]") }
        var attributes: Style.Attributes = []
        for name in list {
            switch name.lowercased() {
            case "bold": attributes.insert(.bold)
            case "dim": attributes.insert(.dim)
            case "underline": attributes.insert(.underline)
            case "reverse": attributes.insert(.reverse)
            case "italic": attributes.insert(.italic)
            default: throw ThemeError(file: file, message: "'\(path)': unknown attribute '\(name)' (bold, dim, underline, reverse, italic)")
            }
        }
        return attributes
    }
}
