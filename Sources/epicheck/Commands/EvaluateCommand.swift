import ArgumentParser
import Epicrisis
import EpicrisisRules
import Foundation

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure epicheck against annotated letters (NAME.gold.json beside each letter).",
        discussion: """
        Prints per-item agreement, precision and recall of 'missing', priority, main-diagnosis and cancer \
        accuracy, and the overall accuracy, computed as docs/evaluation.md describes. Exit status 1 when \
        --min is given and the overall accuracy is below it.
        """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "List every disagreement with epicheck's evidence.")
    var showErrors = false

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Fail when the overall accuracy is below this (0-1).", valueName: "accuracy"))
    var min: Double?

    @Argument(help: ArgumentHelp("Folders of annotated letters.", valueName: "gold-dir"))
    var directories: [String] = []

    func validate() throws {
        if directories.isEmpty { throw ValidationError("Give at least one folder of annotated letters.") }
    }

    func run() throws {
        let toolkit = try common.toolkit()
        let (files, problems) = InputFiles.expand(directories)
        for (path, why) in problems { Diagnostics.warning("\(path): \(why)") }
        var evaluation = Evaluation()
        for file in files {
            let gold = URL(fileURLWithPath: file).deletingPathExtension().appendingPathExtension("gold.json")
            guard FileManager.default.fileExists(atPath: gold.path) else { continue }
            let label: GoldLabel
            do {
                label = try GoldLabel.load(contentsOf: gold)
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCode(2)
            }
            let report = toolkit.reports(for: file).first
            evaluation.add(file: file, gold: label, report: report?.readError == nil ? report : nil)
        }
        guard evaluation.letters > 0 else {
            Diagnostics.error("no annotated letters (NAME.gold.json beside NAME.txt or NAME.xml) in \(directories.joined(separator: ", "))")
            throw ExitCode(2)
        }
        print(json ? EvaluationOutput.json(evaluation) : EvaluationOutput.text(evaluation, showErrors: showErrors), terminator: "")
        if let min, evaluation.overall < min { throw ExitCode(1) }
    }
}

enum EvaluationOutput {
    static func text(_ evaluation: Evaluation, showErrors: Bool) -> String {
        var out = "letters: \(evaluation.letters)  unusable outputs: \(evaluation.unusable)\n"
        let row = { (name: String, tally: (agree: Int, total: Int)) -> String in
            let share = Double(tally.agree) / Double(tally.total) * 100
            return "  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%4d/%-4d %6.1f%%", tally.agree, tally.total, share))\n"
        }
        for item in ChecklistItem.allCases {
            if let tally = evaluation.items[item], tally.total > 0 { out += row(item.rawValue, tally) }
        }
        for name in ["priority", "mainDiagnosisCode", "cancer"] {
            if let tally = evaluation.fields[name], tally.total > 0 { out += row(name, tally) }
        }
        out += String(format: "missing: precision %.1f%%  recall %.1f%%\n", evaluation.missingPrecision * 100, evaluation.missingRecall * 100)
        if showErrors {
            for disagreement in evaluation.disagreements {
                out += "  ERR \(disagreement.file): \(disagreement.field): expected \(disagreement.expected), got \(disagreement.got)\n"
                for evidence in disagreement.evidence {
                    out += "      \(disagreement.file):\(evidence.location) \(evidence.polarity == .affirmed ? "" : "(\(evidence.polarity.rawValue)) ")\(String(evidence.text.prefix(110)))\n"
                }
            }
        }
        out += String(format: "overall accuracy: %.3f (%d judgements)\n", evaluation.overall, evaluation.judgements)
        return out
    }

    static func json(_ evaluation: Evaluation) -> String {
        let items = JSONValue.object(ChecklistItem.allCases.map { ($0.rawValue, .optional(evaluation.accuracy($0))) })
        let fields = JSONValue.object(["priority", "mainDiagnosisCode", "cancer"].map { ($0, .optional(evaluation.accuracy(field: $0))) })
        return JSONValue.object([
            ("letters", .int(evaluation.letters)),
            ("unusable_outputs", .int(evaluation.unusable)),
            ("items", items),
            ("missing_precision", .number(evaluation.missingPrecision)),
            ("missing_recall", .number(evaluation.missingRecall)),
            ("fields", fields),
            ("overall", .number(evaluation.overall)),
            ("judgements", .int(evaluation.judgements)),
        ]).serialized(indent: 2) + "\n"
    }
}
