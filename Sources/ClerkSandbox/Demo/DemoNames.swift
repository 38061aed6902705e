import Foundation

/// Name pools for demo users, in several scripts, each with a Latin form for email addresses and
/// usernames. Varied on purpose: accents, CJK (two columns wide), right-to-left, combining marks.
enum DemoNames {
    struct Name: Sendable {
        var first: String
        var last: String
        var latinFirst: String
        var latinLast: String
        var locale: String
    }

    private static func latin(_ locale: String, _ firsts: [String], _ lasts: [String]) -> [Name] {
        firsts.flatMap { first in lasts.map { Name(first: first, last: $0, latinFirst: ascii(first), latinLast: ascii($0), locale: locale) } }
    }

    private static func paired(_ locale: String, _ pairs: [(String, String, String, String)]) -> [Name] {
        pairs.map { Name(first: $0.0, last: $0.1, latinFirst: $0.2, latinLast: $0.3, locale: locale) }
    }

    /// Folds accents for addresses: "Zoë Ñúñez" → "zoe", "nunez".
    static func ascii(_ text: String) -> String {
        let special: [Character: String] = ["ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "đ": "d", "Đ": "d"]
        let expanded = text.map { special[$0] ?? String($0) }.joined()
        let folded = expanded.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return String(folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    static let all: [Name] = latin("en-US", ["James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Mia", "Grace", "Owen"],
                                   ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Hughes"])
        + latin("es-ES", ["José", "María", "Lucía", "Álvaro", "Sofía", "Íñigo"], ["García", "Núñez", "Peña", "Ibáñez", "Muñoz"])
        + latin("pt-BR", ["João", "Ana", "Conceição", "Gonçalo"], ["Lima", "Conceição", "Araújo", "Gonçalves"])
        + latin("fr-FR", ["Zoë", "Hélène", "François", "Anaïs", "Loïc"], ["Lefèvre", "Dubois", "Faÿ", "Giraud"])
        + latin("de-DE", ["Jürgen", "Björn", "Käthe", "Lena"], ["Müller", "Schröder", "Weiß", "Groß"])
        + latin("pl-PL", ["Łukasz", "Zofia", "Paweł", "Małgorzata"], ["Wiśniewski", "Dąbrowska", "Żak"])
        + paired("zh-CN", [("伟", "王", "wei", "wang"), ("芳", "李", "fang", "li"), ("娜", "张", "na", "zhang"), ("静", "刘", "jing", "liu"),
                           ("磊", "陈", "lei", "chen"), ("洋", "杨", "yang", "yang"), ("艳", "赵", "yan", "zhao"), ("明", "黄", "ming", "huang")])
        + paired("ja-JP", [("陽翔", "佐藤", "haruto", "sato"), ("さくら", "鈴木", "sakura", "suzuki"), ("蓮", "高橋", "ren", "takahashi"),
                           ("結衣", "田中", "yui", "tanaka"), ("ユウキ", "伊藤", "yuki", "ito")])
        + paired("ko-KR", [("민준", "김", "minjun", "kim"), ("서연", "이", "seoyeon", "lee"), ("지호", "박", "jiho", "park"), ("하은", "최", "haeun", "choi")])
        + paired("ar-EG", [("محمد", "حسن", "mohamed", "hassan"), ("فاطمة", "علي", "fatima", "ali"), ("يوسف", "إبراهيم", "youssef", "ibrahim"),
                           ("ليلى", "منصور", "layla", "mansour")])
        + paired("he-IL", [("נועה", "כהן", "noa", "cohen"), ("איתי", "לוי", "itai", "levi"), ("תמר", "מזרחי", "tamar", "mizrahi")])
        + paired("ru-RU", [("Дмитрий", "Иванов", "dmitry", "ivanov"), ("Анна", "Смирнова", "anna", "smirnova"), ("Илья", "Кузнецов", "ilya", "kuznetsov")])
        + paired("el-GR", [("Γιώργος", "Παπαδόπουλος", "giorgos", "papadopoulos"), ("Ελένη", "Νικολάου", "eleni", "nikolaou")])
        + paired("hi-IN", [("प्रिया", "शर्मा", "priya", "sharma"), ("अर्जुन", "पटेल", "arjun", "patel"), ("दीपिका", "सिंह", "deepika", "singh")])
        + paired("vi-VN", [("Nguyễn", "Thị Hương", "nguyen", "huong"), ("Trần", "Văn Đức", "tran", "duc")])

    /// Users whose names attack the terminal, so the console's sanitising is exercised on demo data.
    static let hostile: [(first: String, last: String, username: String)] = [
        ("\u{1B}]0;PWNED\u{07}Eve", "Title", "hostile_title"),
        ("\u{1B}[2JMallory", "\u{1B}[31mRed", "hostile_clear"),
        ("Trudy\u{202E}lanigiro", "\u{2066}Isolate\u{2069}", "hostile_bidi"),
        ("Zero\u{200B}Width\u{200D}Joiner", "Sp\u{00AD}y", "hostile_zero_width"),
        (String(repeating: "Bartholomew-", count: 20), String(repeating: "Longname", count: 25), "hostile_long"),
        ("Bell\u{07}\u{07}", "Back\u{08}\u{08}space\u{7F}", "hostile_controls"),
        ("C1\u{9B}31mCSI", "\u{85}NextLine", "hostile_c1"),
        ("Ze\u{301}\u{302}\u{303}\u{304}alg\u{308}\u{309}o", "😀👩‍👩‍👧‍👦🇺🇳", "hostile_marks"),
    ]

    static let domains = ["example.com", "mail.example.org", "corp.example.net", "example.co.uk", "example.io", "example.de", "example.jp"]
    static let organizations = [
        "Acme Robotics", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Biotech", "Hooli", "Vandelay Imports",
        "Soylent Foods", "Tyrell Systems", "Cyberdyne", "Aperture Labs", "Black Mesa", "Pied Piper", "Massive Dynamic",
        "株式会社サンプル", "Ñandú Cooperativa", "Ωmega Analytics", "شركة المثال", "דוגמה בע״מ",
    ]
    static let oauthProviders = ["oauth_google", "oauth_github", "oauth_microsoft", "oauth_apple", "oauth_discord", "oauth_linkedin_oidc"]
    static let passkeyNames = ["MacBook Pro Touch ID", "iPhone", "YubiKey 5C", "Windows Hello", "Pixel 8", "1Password"]
    static let plans = [("Free", "free", 0), ("Starter", "starter", 900), ("Pro", "pro", 2900), ("Business", "business", 9900)]
}
