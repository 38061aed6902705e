import CNcursesw
import Terminal

/// Allocates ncurses colour pairs on first use of each (foreground, background) combination.
struct ColorPairs {
    private var pairs: [Color: [Color: Int16]] = [:]
    private var next: Int16 = 1

    mutating func attributes(for style: Style, depth: ColorDepth) -> (attr_t, Int16) {
        var attributes = ct_a_normal()
        if style.attributes.contains(.bold) { attributes |= ct_a_bold() }
        if style.attributes.contains(.dim) { attributes |= ct_a_dim() }
        if style.attributes.contains(.underline) { attributes |= ct_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= ct_a_reverse() }
        if style.attributes.contains(.italic) { attributes |= ct_a_italic() }
        guard depth != .monochrome, style.foreground != .default || style.background != .default else { return (attributes, 0) }
        if let pair = pairs[style.foreground]?[style.background] { return (attributes, pair) }
        guard Int32(next) < ct_color_pairs() else { return (attributes, 0) }
        init_pair(next, Self.number(style.foreground), Self.number(style.background))
        pairs[style.foreground, default: [:]][style.background] = next
        next += 1
        return (attributes, next - 1)
    }

    private static func number(_ color: Color) -> Int16 {
        switch color {
        case .default: -1
        case .indexed(let index): Int16(index)
        }
    }
}
