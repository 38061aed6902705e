/// A terminal colour: the terminal's default, or one of 256 indexed colours (0–7 the basic
/// eight, 8–15 their bright versions, 16–255 the 6×6×6 cube and greys).
public enum Color: Sendable, Hashable {
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)

    /// The nearest colour a terminal with `depth` can show.
    public func degraded(to depth: ColorDepth) -> Color {
        guard case .indexed(let index) = self else { return self }
        switch depth {
        case .colors256: return self
        case .colors16: return index < 16 ? self : .indexed(Self.nearestBasic(index, allowBright: true))
        case .colors8: return .indexed(index < 8 ? index : (index < 16 ? index - 8 : Self.nearestBasic(index, allowBright: false)))
        case .monochrome: return .default
        }
    }

    /// The RGB value of an xterm-256 index.
    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[Int(index)] }
        if index >= 232 {
            let level = 8 + Int(index - 232) * 10
            return (level, level, level)
        }
        let cube = Int(index) - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }

    /// The nearest xterm-256 colour to an RGB value (for `#rrggbb` in themes).
    public static func nearest(red: Int, green: Int, blue: Int) -> Color {
        .indexed(UInt8((16...255).min { distance(rgb(UInt8($0)), (red, green, blue)) < distance(rgb(UInt8($1)), (red, green, blue)) } ?? 7))
    }

    private static func nearestBasic(_ index: UInt8, allowBright: Bool) -> UInt8 {
        let target = rgb(index)
        let candidates = allowBright ? Array(0..<16) : Array(0..<8)
        return UInt8(candidates.min { distance(rgb(UInt8($0)), target) < distance(rgb(UInt8($1)), target) } ?? 7)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }
}

/// How many colours the terminal can show, or none (`NO_COLOR`, or a monochrome terminal).
public enum ColorDepth: Int, Sendable, Hashable, Comparable {
    case monochrome = 0
    case colors8 = 8
    case colors16 = 16
    case colors256 = 256

    public init(colors: Int, noColor: Bool) {
        if noColor || colors < 8 { self = .monochrome }
        else if colors < 16 { self = .colors8 }
        else if colors < 256 { self = .colors16 }
        else { self = .colors256 }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
