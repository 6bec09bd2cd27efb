import Epicrisis
import Rainbow

/// For a person at a terminal: grouped by letter, each finding as `file:line:col`, the rule, the
/// message, and the evidence; coloured where the terminal allows (Rainbow honours `NO_COLOR`).
public final class TextReporter: Reporter {
    public static let name = "text"
    public init() {}

    public func header(_ options: ReportOptions) -> String { "" }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        var out = (position == 0 ? "" : "\n") + heading(report, options) + "\n"
        if let extraction = report.extraction {
            out += "  " + checklistLine(extraction, options) + "\n"
        }
        for finding in report.findings {
            let place = finding.location.map { "\(report.file):\($0.line):\($0.column)" } ?? "\(report.file)"
            let severity: String
            switch finding.severity {
            case .error: severity = paint("error", options) { $0.red.bold }
            case .warning: severity = paint("warning", options) { $0.yellow.bold }
            case .info: severity = paint("info", options) { $0.cyan }
            }
            out += "  \(place): \(severity) [\(finding.rule)] \(finding.message)\n"
            if let evidence = finding.evidence {
                out += paint("      │ ", options) { $0.dim } + Identifiers.redact(evidence, show: options.showIdentifiers) + "\n"
            }
        }
        if report.findings.isEmpty {
            out += "  " + paint(options.language == .da ? "Ingen fund." : "No findings.", options) { $0.green } + "\n"
        }
        return out
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String {
        let errors = tally.findings[.error, default: 0]
        let warnings = tally.findings[.warning, default: 0]
        let infos = tally.findings[.info, default: 0]
        let line = options.language == .da
            ? "\(tally.letters) \(tally.letters == 1 ? "brev" : "breve"), \(tally.unreadable) ulæselige: \(errors) fejl, \(warnings) advarsler, \(infos) info"
            : "\(tally.letters) letters, \(tally.unreadable) unreadable: \(errors) errors, \(warnings) warnings, \(infos) info"
        return "\n" + paint(line, options) { $0.bold } + "\n"
    }

    private func paint(_ text: String, _ options: ReportOptions, _ style: (String) -> String) -> String {
        options.colour ? style(text) : text
    }

    private func heading(_ report: LetterReport, _ options: ReportOptions) -> String {
        var parts = [paint(report.file, options) { $0.bold }]
        if let letter = report.letter {
            parts.append(letter.type.code)
            if let sender = letter.sender.displayName { parts.append(sender) }
        }
        if let extraction = report.extraction, extraction.template != nil {
            parts.append(options.language == .da ? "skabelon" : "template")
        } else if let extraction = report.extraction {
            parts.append(extraction.isCancerLetter ? (options.language == .da ? "kræftbrev" : "cancer letter")
                                                   : (options.language == .da ? "ikke kræft" : "not cancer"))
            let marking = extraction.priority.map { options.language == .da ? $0.colour.danishName : $0.colour.rawValue }
            parts.append((options.language == .da ? "markering: " : "marking: ") + (marking ?? "–"))
        }
        if let score = report.score {
            parts.append("score \(Self.format(score))")
        }
        return parts.joined(separator: " · ")
    }

    private func checklistLine(_ extraction: Extraction, _ options: ReportOptions) -> String {
        if let template = extraction.template {
            // For a template: which items it has a place for.
            return ChecklistItem.allCases.map { item in
                (template.covered[item] != nil ? paint("✓", options) { $0.green } : paint("✗", options) { $0.red }) + " \(item.rawValue)"
            }.joined(separator: "  ")
        }
        return ChecklistItem.allCases.compactMap { item -> String? in
            let status = extraction.judgement(item).status
            guard status != .notApplicable else { return nil }
            let mark = status == .present ? paint("✓", options) { $0.green } : paint("✗", options) { $0.red }
            return "\(mark) \(item.rawValue)"
        }.joined(separator: "  ")
    }

    public static func format(_ score: Double) -> String {
        score.rounded() == score ? String(Int(score)) : String(score)
    }
}
