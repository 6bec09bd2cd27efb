import Epicrisis
import Foundation

/// The lexicon of the rules directory found without `--rules`, loading from the first moment of
/// the process: parsing the command line is a fifth of checking one letter, and the lexicon need
/// not wait for it. A command given `--rules` loads that directory's lexicon and leaves this one
/// unused.
enum LexiconPrefetch {
    // Written once, on the main thread, before the command line is parsed; read after, on the
    // same thread.
    nonisolated(unsafe) private static var started: (directory: URL, load: Concurrently<Lexicon>)?

    /// The subcommands that judge letters, `check` being the default.
    private static let judging: Set<String> = ["check", "extract", "evaluate", "summary"]
    private static let others: Set<String> = ["rules", "explain", "report", "help"]

    /// Starts loading the default lexicon when the command line asks for a command that judges
    /// letters, with the default rules, and not for help or the version.
    static func start(arguments: [String]) {
        let options = arguments.dropFirst()
        guard let first = options.first, judging.contains(first) || !(others.contains(first) || first.hasPrefix("-")),
              !options.contains(where: { $0 == "--rules" || $0.hasPrefix("--rules=") || ["--help", "-h", "--version"].contains($0) }),
              let directory = try? RulesDirectory.locate(explicit: nil) else { return }
        started = (directory, Concurrently { try Toolkit.loadLexicon(in: directory) })
    }

    /// The load started for `directory`, if any; it is handed over once.
    static func take(for directory: URL) -> Concurrently<Lexicon>? {
        guard let started, started.directory.standardizedFileURL == directory.standardizedFileURL else { return nil }
        self.started = nil
        return started.load
    }

    /// Waits for a load nobody took, so that the process does not exit with it half done.
    static func settle() {
        _ = try? started?.load.value()
        started = nil
    }
}
