import ArgumentParser
import Epicrisis
import EpicrisisRules
import Foundation

/// The letters a batch command reads, and how many at once.
struct BatchInputs: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Letters checked at once (default: one per core).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.processorCount

    @Argument(help: ArgumentHelp("Letters: files or directories.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one letter or directory.") }
        if jobs < 1 { throw ValidationError("--jobs is at least 1.") }
    }

    /// Runs the batch and sums it up; the letters themselves are not kept.
    func summarise(_ common: CommonOptions) throws -> BatchSummary {
        var summary = BatchSummary()
        try common.toolkit().eachReport(in: paths, jobs: jobs) { summary.add($0) }
        return summary
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Sum up a batch: letters, cancer letters, scores, and per checklist item the share present, overall and per department.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var common: CommonOptions
    @OptionGroup var inputs: BatchInputs
    @Option(name: .long, help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let summary = try inputs.summarise(common)
        switch format {
        case .json: print(summary.json.serialized(indent: 2))
        case .text: print(SummaryText.render(summary, language: common.lang), terminator: "")
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page about a batch of letters, for a quality department.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var inputs: BatchInputs
    @Option(name: .long, help: ArgumentHelp("Where to write the page.", valueName: "file")) var output: String = "report.html"

    func run() throws {
        let summary = try inputs.summarise(common)
        let page = HTMLReport(summary: summary, language: common.lang).render()
        do {
            try page.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Diagnostics.error("cannot write \(output)")
            throw ExitCode(2)
        }
        print("\(output): \(summary.letters) letters, \(summary.cancerLetters) cancer letters")
    }
}

/// The summary for a person at a terminal.
enum SummaryText {
    static func render(_ summary: BatchSummary, language: Language) -> String {
        let da = language == .da
        var out = (da ? "Breve: " : "Letters: ") + "\(summary.letters)"
        out += (da ? ", ulæselige: " : ", unreadable: ") + "\(summary.unreadable)"
        out += (da ? ", kræftbreve: " : ", cancer letters: ") + "\(summary.cancerLetters)\n"
        out += (da ? "Median-score: " : "Median score: ") + (summary.medianScore.map { String(format: "%.1f", $0) } ?? "–")
        out += (da ? ", alle ni DSAM-punkter: " : ", all nine DSAM items: ") + percent(summary.allNineShare)
        out += (da ? ", farvemarkering: " : ", colour marking: ") + percent(summary.markingShare) + "\n\n"
        for item in ChecklistItem.allCases {
            out += "  \(item.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)) \(percent(summary.items.share(item)))\n"
        }
        out += "\n" + (da ? "Per afsender (andel af punkterne til stede):" : "By sender (share of items present):") + "\n"
        for name in summary.departments.keys.sorted() {
            let group = summary.departments[name]!
            let applicable = group.applicable.values.reduce(0, +)
            let present = group.present.values.reduce(0, +)
            let share = applicable == 0 ? nil : Double(present) / Double(applicable)
            out += "  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%4d", group.letters)) \(da ? "breve" : "letters")  \(percent(share))\n"
        }
        return out
    }

    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
}
