import Epicrisis

/// The JSON shape of a letter report: the contract of docs/evaluation.md (`file`, `cancer`,
/// `priority`, `mainDiagnosisCode`, `score`, `checklist`, `findings`) and more.
public enum ReportJSON {
    static func letter(_ report: LetterReport, _ options: ReportOptions) -> JSONValue {
        let extraction = report.extraction
        let statuses = report.checklist // computed: built once, not once per item
        let checklist: JSONValue = .object(ChecklistItem.allCases.map { item in
            (item.rawValue, .string((statuses[item] ?? .missing).rawValue))
        })
        var pairs: [(String, JSONValue)] = [
            ("file", .string(report.file)),
            ("index", .int(report.index)),
        ]
        if let letter = report.letter {
            pairs += [
                ("format", .string(letter.format.rawValue)),
                ("type", .string(letter.type.code)),
                ("sender", .optional(letter.sender.displayName)),
                ("patient", .optional(Identifiers.cpr(letter.patient.cpr, show: options.showIdentifiers))),
            ]
        }
        pairs += [
            ("cancer", extraction.map { .bool($0.isCancerLetter) } ?? .null),
            ("priority", .optional(extraction?.priority?.colour.rawValue)),
            ("mainDiagnosisCode", .optional(extraction?.mainDiagnosisCode)),
            ("score", .optional(report.score)),
            ("checklist", extraction == nil ? .object([]) : checklist),
            ("findings", .array(report.findings.map { finding($0, options) })),
        ]
        if let error = report.readError {
            pairs.append(("error", .object([
                ("message", .string(error.message)),
                ("line", error.line.map(JSONValue.int) ?? .null),
                ("column", error.column.map(JSONValue.int) ?? .null),
            ])))
        }
        return .object(pairs)
    }

    static func finding(_ finding: Finding, _ options: ReportOptions) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("location", location(finding.location)),
            ("section", .optional(finding.section)),
        ]
        if let evidence = finding.evidence {
            pairs.append(("evidence", .string(Identifiers.redact(evidence, show: options.showIdentifiers))))
        }
        return .object(pairs)
    }

    public static func location(_ location: SourceLocation?) -> JSONValue {
        guard let location else { return .null }
        var pairs: [(String, JSONValue)] = [("line", .int(location.line)), ("column", .int(location.column))]
        if let element = location.element { pairs.append(("element", .string(element))) }
        return .object(pairs)
    }

    /// Evidence, with identifiers masked unless asked.
    public static func evidence(_ evidence: Evidence, _ options: ReportOptions) -> JSONValue {
        .object([
            ("text", .string(Identifiers.redact(evidence.text, show: options.showIdentifiers))),
            ("location", location(evidence.location)),
            ("polarity", .string(evidence.polarity.rawValue)),
            ("source", .string(evidence.source.rawValue)),
            ("section", .optional(evidence.section)),
        ])
    }
}

/// `{"letters": [...]}`: one document for the whole run.
public final class JSONReporter: Reporter {
    public static let name = "json"
    public init() {}

    public func header(_ options: ReportOptions) -> String { "{\n  \"letters\": [" }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        let body = ReportJSON.letter(report, options).serialized(indent: 2)
            .split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return (position == 0 ? "\n" : ",\n") + body
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String {
        (tally.letters == 0 ? "" : "\n  ") + "]\n}\n"
    }
}

/// One JSON object per line and letter, written as each letter finishes.
public final class NDJSONReporter: Reporter {
    public static let name = "ndjson"
    public init() {}

    public func header(_ options: ReportOptions) -> String { "" }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        ReportJSON.letter(report, options).serialized() + "\n"
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String { "" }
}
