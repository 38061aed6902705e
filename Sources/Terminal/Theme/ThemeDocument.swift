/// The shape of a theme file, decoded strictly: every key known, every role present.
///
///     name: dark
///     description: …
///     roles:
///       header: { fg: white, bg: "#1f4e79", attrs: [bold], mono: [reverse] }
struct ThemeDocument: Decodable {
    var name: String
    var roles: [ThemeRole: Theme.RoleStyle]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, roles
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        if name.isEmpty { throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "a theme needs a name") }
        _ = try container.decodeIfPresent(String.self, forKey: .description)
        roles = try container.decode(RoleTable.self, forKey: .roles).roles
    }
}

/// `roles:`: one style per `ThemeRole`, no more, no fewer.
struct RoleTable: Decodable {
    var roles: [ThemeRole: Theme.RoleStyle] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys {
            guard let role = ThemeRole(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "unknown role (valid roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            roles[role] = try container.decode(RoleStyleDocument.self, forKey: key).style
        }
        if let missing = ThemeRole.allCases.first(where: { roles[$0] == nil }) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "missing role '\(missing.rawValue)'; a theme must style every role"))
        }
    }
}

/// `{ fg: …, bg: …, attrs: […], mono: […] }`.
struct RoleStyleDocument: Decodable {
    var style: Theme.RoleStyle

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fg, bg, attrs, mono
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let look = Style(
            foreground: try container.decodeIfPresent(ColorName.self, forKey: .fg)?.color ?? .default,
            background: try container.decodeIfPresent(ColorName.self, forKey: .bg)?.color ?? .default,
            attributes: try container.decodeIfPresent(AttributeList.self, forKey: .attrs)?.attributes ?? [])
        // Without `mono`, a role with a background keeps standing out by reversing.
        let monochrome = try container.decodeIfPresent(AttributeList.self, forKey: .mono)?.attributes
            ?? (look.background == .default ? look.attributes : look.attributes.union(.reverse))
        style = Theme.RoleStyle(style: look, monochrome: monochrome)
    }
}

/// A colour: a name (`red`, `bright-blue`, `default`…), an xterm index 0–255, or `#rrggbb`.
struct ColorName: Decodable {
    var color: Color

    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            guard (0...255).contains(index) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(index) is not a colour index 0–255")
            }
            color = .indexed(UInt8(index))
            return
        }
        guard let text = try? container.decode(String.self) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a colour name, a number 0–255 or #rrggbb")
        }
        let lowered = text.lowercased()
        if lowered == "default" {
            color = .default
        } else if let index = Self.names[lowered] {
            color = .indexed(index)
        } else if lowered.hasPrefix("#"), lowered.count == 7, let value = Int(lowered.dropFirst(), radix: 16) {
            color = Color.nearest(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a colour (use a name such as bright-blue, a number 0–255, or #rrggbb)")
        }
    }
}

/// `[bold, underline]`.
struct AttributeList: Decodable {
    var attributes: Style.Attributes = []

    static let names: [String: Style.Attributes] = [
        "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic,
    ]

    init(from decoder: any Decoder) throws {
        guard var list = try? decoder.unkeyedContainer() else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "expected a list such as [bold, underline]"))
        }
        while !list.isAtEnd {
            let name = try list.decode(String.self)
            guard let attribute = Self.names[name.lowercased()] else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath + [AnyCodingKey(intValue: list.currentIndex - 1) ?? AnyCodingKey("?")],
                    debugDescription: "unknown attribute '\(name)' (bold, dim, underline, reverse, italic)"))
            }
            attributes.insert(attribute)
        }
    }
}
