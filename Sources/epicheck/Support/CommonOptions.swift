import ArgumentParser
import EpicrisisRules

extension Language: ExpressibleByArgument {}

/// Options every command that reads letters shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rules directory (rule packs and lexicon).", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("A configuration file (default: the nearest .epicheck.yml).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "The language of messages: da or en.")
    var lang: Language = .da

    @Flag(name: .long, help: "Show CPR numbers and names in full (masked by default: reports travel).")
    var showIdentifiers = false

    @Option(name: .long, help: ArgumentHelp("Refuse letters larger than this many bytes.", valueName: "bytes"))
    var maxBytes: Int?

    @Option(name: .long, help: ArgumentHelp("Give up on a letter that takes longer than this to judge (0: no limit).", valueName: "seconds"))
    var maxSeconds: Double = 10

    @Option(name: .long, help: ArgumentHelp("Validate OIOXML letters against MedCom's schemas in DIR (DIR/YYYY/MM/DD/EMessage.xsd).", valueName: "dir"))
    var schemas: String?

    /// Loads the toolkit, turning a configuration error into exit code 2 with the file and line.
    func toolkit() throws -> Toolkit {
        do {
            return try Toolkit(rulesPath: rules, configPath: config, language: lang, maximumBytes: maxBytes, schemas: schemas,
                               maximumSeconds: maxSeconds > 0 ? maxSeconds : nil)
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }
}

enum Diagnostics {
    static func error(_ message: String) {
        FileHandleOutput.standardError.write("epicheck: error: \(message)\n")
    }

    static func warning(_ message: String) {
        FileHandleOutput.standardError.write("epicheck: warning: \(message)\n")
    }
}
