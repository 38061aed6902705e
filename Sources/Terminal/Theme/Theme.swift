/// A named set of styles, one per `ThemeRole`.
public struct Theme: Sendable, Hashable {
    public struct RoleStyle: Sendable, Hashable {
        public var style: Style
        /// What to use instead of colour on a terminal without it (`NO_COLOR`, monochrome).
        public var monochrome: Style.Attributes

        public init(style: Style, monochrome: Style.Attributes) {
            self.style = style
            self.monochrome = monochrome
        }
    }

    public var name: String
    public var roles: [ThemeRole: RoleStyle]
    public private(set) var depth: ColorDepth = .colors256

    public init(name: String, roles: [ThemeRole: RoleStyle]) {
        self.name = name
        self.roles = roles
    }

    public subscript(role: ThemeRole) -> Style {
        guard let entry = roles[role] else { return .plain }
        if depth == .monochrome {
            return Style(attributes: entry.style.attributes.union(entry.monochrome))
        }
        var style = entry.style
        style.foreground = style.foreground.degraded(to: depth)
        style.background = style.background.degraded(to: depth)
        return style
    }

    /// The same theme as shown on a terminal with `depth` colours.
    public func degraded(to depth: ColorDepth) -> Theme {
        var theme = self
        theme.depth = depth
        return theme
    }

    /// Attributes only, for when no theme can be loaded at all.
    public static let monochrome: Theme = {
        var roles: [ThemeRole: RoleStyle] = [:]
        for role in ThemeRole.allCases {
            let attributes: Style.Attributes = switch role {
            case .header, .headerSandbox, .headerDevelopment, .selection, .buttonFocused, .inputFocused, .tabActive, .statusBar: [.reverse]
            case .headerProduction, .error, .banned, .tableHeader, .dialogTitle, .diffRemoved, .warning: [.bold]
            case .muted, .hint, .locked: [.dim]
            case .marked, .diffAdded, .accent: [.underline]
            default: []
            }
            roles[role] = RoleStyle(style: Style(attributes: attributes), monochrome: attributes)
        }
        return Theme(name: "monochrome", roles: roles)
    }()
}
