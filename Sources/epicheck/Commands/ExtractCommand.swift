import ArgumentParser
import Epicrisis
import EpicrisisRules
import Foundation
import Rainbow

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show what epicheck reads out of letters: the letter model and every fact, with where it stands.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Letters: files, directories, or - for standard input.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one letter, directory, or - for standard input.") }
    }

    func run() throws {
        let toolkit = try common.toolkit()
        let options = ReportOptions(language: common.lang, showIdentifiers: common.showIdentifiers)
        var reports: [LetterReport] = []
        toolkit.eachReport(in: paths, jobs: 1) { reports.append($0) }
        let out = FileHandleOutput.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.object([("letters", .array(reports.map { ExtractionJSON.letter($0, options) }))]).serialized(indent: 2) + "\n")
        case .text:
            for (index, report) in reports.enumerated() {
                out.write((index == 0 ? "" : "\n") + ExtractionText.letter(report, options))
            }
        }
        if reports.contains(where: { $0.readError != nil }) { throw ExitCode(1) }
    }
}
