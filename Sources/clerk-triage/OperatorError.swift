/// A problem the operator can fix, found after the command line was understood (a theme that
/// does not exist, a broken config file): printed as `Error: …` alone, without the usage text,
/// which would only bury it.
struct OperatorError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
