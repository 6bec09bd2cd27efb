import ArgumentParser
import Foundation

@main
struct Epicheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epicheck",
        abstract: "Checks Danish discharge letters (epikriser) for what a GP needs and the letter does not say.",
        discussion: """
        Reads MedCom OIOXML (XDIS01/02/03/91) and plain-text letters, extracts the follow-up colour marking, \
        diagnoses, stage, treatment, side and late effects, follow-up plan and more, and scores cancer letters \
        against DSAM's good cancer epicrisis. Rules and vocabulary live in the rules/ directory as YAML.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, ExtractCommand.self, RulesCommand.self, ExplainCommand.self, EvaluateCommand.self, SummaryCommand.self, ReportCommand.self],
        defaultSubcommand: CheckCommand.self)

    /// Usage errors exit with 2, as the exit-code contract says (0 clean, 1 findings, 2 usage or
    /// configuration); ArgumentParser's own convention would be 64.
    static func main() {
        LexiconPrefetch.start(arguments: CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
            LexiconPrefetch.settle()
        } catch let exit as ExitCode {
            LexiconPrefetch.settle()
            Self.exit(withError: exit)
        } catch {
            LexiconPrefetch.settle()
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
