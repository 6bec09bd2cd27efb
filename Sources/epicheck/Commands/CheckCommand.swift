import ArgumentParser
import Epicrisis
import EpicrisisRules
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check letters against the rule packs and report what is missing or wrong.",
        discussion: """
        Exit status: 0 when no finding reaches --fail-on (and every cancer letter scores at least --min-score), \
        1 when one does, 2 for a usage or configuration error. A letter that cannot be read is an error finding \
        on that letter; the other letters are still checked.
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, ndjson, sarif, junit, github, csv. Repeat with --output for several.", valueName: "format"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where the matching --format goes (default: standard output).", valueName: "path"))
    var output: [String] = []

    @Option(name: .long, help: "Fail on findings of this severity or higher: error, warning or info.")
    var failOn: Severity = .error

    @Option(name: .long, help: ArgumentHelp("Fail when a cancer letter scores below this (0-100).", valueName: "score"))
    var minScore: Double?

    @Option(name: .long, help: ArgumentHelp("Letters checked at once (default: one per core).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.processorCount

    @Flag(name: .long, help: "Read every input as a letter template (slots, not content).")
    var template = false

    @Option(name: .long, help: ArgumentHelp("Report only findings not in this baseline; baselined findings that are fixed are reported as stale.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Write every finding of this run to a baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Argument(help: ArgumentHelp("Letters: files, directories (searched recursively), or - for standard input.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one letter, directory, or - for standard input.") }
        if output.count > max(format.count, 1) { throw ValidationError("Each --output needs a --format before it.") }
        for name in format where Reporters.named(name) == nil {
            throw ValidationError("Unknown format '\(name)'. Use one of: \(Reporters.names.joined(separator: ", ")).")
        }
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score is a number from 0 to 100.") }
        if jobs < 1 { throw ValidationError("--jobs is at least 1.") }
        if max(format.count, 1) - output.count > 1 {
            throw ValidationError("Only one --format can go to standard output; give the others an --output.")
        }
        let missing = paths.filter { $0 != "-" && !FileManager.default.fileExists(atPath: $0) }
        if !missing.isEmpty { throw ValidationError("No such file or directory: \(missing.joined(separator: ", "))") }
    }

    func run() throws {
        var toolkit = try common.toolkit()
        toolkit.treatAllAsTemplates = template
        var accepted: Baseline?
        if let baseline {
            do {
                accepted = try Baseline.load(contentsOf: URL(fileURLWithPath: baseline))
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCode(2)
            }
        }
        var written = Baseline(root: writeBaseline.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
        let sinks = try makeSinks()
        let options = ReportOptions(language: common.lang, showIdentifiers: common.showIdentifiers, rules: toolkit.engine.rules,
                                    colour: Terminal.wantsColour(output: output.first), failOn: failOn)
        for sink in sinks { sink.output.write(sink.reporter.header(options)) }

        var tally = RunTally()
        var failed = false
        var position = 0
        var checkedFiles = Set<String>()
        func write(_ report: LetterReport) {
            for sink in sinks { sink.output.write(sink.reporter.letterUTF8(report, position: position, options)) }
            position += 1
            tally.add(report)
            if report.findings.contains(where: { $0.severity >= failOn }) { failed = true }
        }
        func emit(_ report: LetterReport) {
            var report = report
            if let minScore, let score = report.score, score < minScore {
                report.findings.append(Finding(rule: "EPICHECK-MIN-SCORE", severity: .error, message: common.lang == .da
                    ? "Scoren \(TextReporter.format(score)) er under grænsen \(TextReporter.format(minScore)) (--min-score)."
                    : "The score \(TextReporter.format(score)) is below the limit \(TextReporter.format(minScore)) (--min-score).",
                    section: "score"))
            }
            // Only what was asked for is remembered: a batch of any size runs in bounded memory.
            if writeBaseline != nil { written.record(report) }
            if accepted != nil { checkedFiles.insert(report.file) }
            write(accepted?.filter(report) ?? report)
        }
        toolkit.eachReport(in: paths, jobs: jobs, emit)
        for stale in accepted?.stale(checkedFiles: checkedFiles, language: common.lang) ?? [] {
            write(stale)
        }
        if let writeBaseline {
            do {
                try written.json().write(toFile: writeBaseline, atomically: true, encoding: .utf8)
            } catch {
                Diagnostics.error("cannot write \(writeBaseline)")
                throw ExitCode(2)
            }
        }
        for sink in sinks {
            sink.output.write(sink.reporter.footer(tally, options))
            if sink.output !== FileHandleOutput.standardOutput { sink.output.close() }
        }
        // Writing a baseline records what there is; it is not a verdict.
        if failed, writeBaseline == nil { throw ExitCode(1) }
    }

    private func makeSinks() throws -> [(reporter: any Reporter, output: FileHandleOutput)] {
        let formats = format.isEmpty ? ["text"] : format
        return try formats.enumerated().map { index, name in
            let reporter = Reporters.named(name)!
            guard index < output.count else { return (reporter, FileHandleOutput.standardOutput) }
            do {
                return (reporter, try FileHandleOutput.file(output[index]))
            } catch {
                Diagnostics.error("cannot write \(output[index])")
                throw ExitCode(2)
            }
        }
    }
}

extension Severity: ExpressibleByArgument {}
