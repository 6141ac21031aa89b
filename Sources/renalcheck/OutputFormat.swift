import ArgumentParser

/// `--format` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people at a terminal.
    case text
    /// The JSON contract.
    case json
}
