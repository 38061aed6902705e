/// The console's options live at the top level, and ArgumentParser hands a parent's option to the
/// parent wherever it is written, so `users ban --read-only` would set the console's flag and not
/// the subcommand's. The options the two share (`--api-url`, `--instance`, `--read-only`) are read here from the
/// command line words themselves.
struct SharedOptionWords {
    private let words: [String]

    init(_ arguments: [String]) {
        words = Array(arguments.dropFirst().prefix { $0 != "--" })
    }

    func value(of option: String) -> String? {
        var value: String?
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            if word == option {
                value = iterator.next()
            } else if word.hasPrefix(option + "=") {
                value = String(word.dropFirst(option.count + 1))
            }
        }
        return value
    }

    func contains(flag: String) -> Bool {
        words.contains(flag)
    }
}
