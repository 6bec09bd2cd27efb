import ArgumentParser
import EpicrisisRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules in force: id, severity, weight and title.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let toolkit = try common.toolkit()
        let width = toolkit.engine.rules.map(\.id.count).max() ?? 10
        print("\("rule".padding(toLength: width, withPad: " ", startingAt: 0))  severity weight  title")
        for rule in toolkit.engine.rules {
            let weight = rule.weight > 0 ? TextReporter.format(rule.weight) : "–"
            print("\(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(weight.padding(toLength: 6, withPad: " ", startingAt: 0))  \(rule.title)")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: what it checks, why, its source and its examples.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The rule id, as `epicheck rules` lists it.")
    var rule: String

    func run() throws {
        let toolkit = try common.toolkit()
        guard let found = toolkit.packs.flatMap(\.rules).first(where: { $0.id == rule.uppercased() }) else {
            if let builtIn = BuiltInFindings.all.first(where: { $0.id == rule.uppercased() }) {
                print("\(builtIn.id) (built into epicheck, severity \(builtIn.severity.rawValue))\n\n\(builtIn.meaning)")
                return
            }
            Diagnostics.error("no rule '\(rule)'; `epicheck rules` lists them")
            throw ExitCode(2)
        }
        var text = "\(found.id): \(found.title)\n"
        text += "  kind: \(found.kind.rawValue)" + (found.item.map { ", item: \($0.rawValue)" } ?? "") + "\n"
        text += "  severity: \(found.severity.rawValue), weight: \(TextReporter.format(found.weight))\n"
        text += "  pack: \(found.pack) (\(found.file):\(found.line ?? 0))\n\n"
        text += "\(found.message.text(common.lang))\n\n\(found.rationale)\n\nSource: \(found.source)\n"
        for example in found.examples {
            text += "\n" + (example.triggers ? "Fails:" : "Passes:") + "\n"
            text += example.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        print(text, terminator: "")
    }
}
