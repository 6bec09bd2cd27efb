import Epicrisis

/// The JSON shape of a letter report: the contract of docs/evaluation.md (`file`, `cancer`,
/// `priority`, `mainDiagnosisCode`, `score`, `checklist`, `findings`) and more.
public enum ReportJSON {
    /// Writes the report as one object. Streamed, not built as a `JSONValue`: a batch writes
    /// one per letter.
    static func write(_ report: LetterReport, _ options: ReportOptions, to json: inout JSONWriter) {
        let extraction = report.extraction
        json.beginObject()
        json.field("file")
        json.string(report.file)
        json.field("index")
        json.number(Double(report.index))
        if let letter = report.letter {
            json.field("format")
            json.string(letter.format.rawValue)
            json.field("type")
            json.string(letter.type.code)
            json.field("sender")
            json.string(letter.sender.displayName)
            json.field("patient")
            json.string(Identifiers.cpr(letter.patient.cpr, show: options.showIdentifiers))
        }
        json.field("cancer")
        if let extraction { json.bool(extraction.isCancerLetter) } else { json.null() }
        json.field("priority")
        json.string(extraction?.priority?.colour.rawValue)
        json.field("mainDiagnosisCode")
        json.string(extraction?.mainDiagnosisCode)
        json.field("score")
        if let score = report.score { json.number(score) } else { json.null() }
        json.field("checklist")
        json.beginObject()
        if extraction != nil {
            for item in ChecklistItem.allCases {
                json.key(item.rawValue)
                json.string((report.status(of: item) ?? .missing).rawValue)
            }
        }
        json.endObject()
        json.field("findings")
        json.beginArray()
        for finding in report.findings { write(finding, options, to: &json) }
        json.endArray()
        if let error = report.readError {
            json.field("error")
            json.beginObject()
            json.field("message")
            json.string(error.message)
            json.field("line")
            if let line = error.line { json.number(Double(line)) } else { json.null() }
            json.field("column")
            if let column = error.column { json.number(Double(column)) } else { json.null() }
            json.endObject()
        }
        json.endObject()
    }

    private static func write(_ finding: Finding, _ options: ReportOptions, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rule")
        json.string(finding.rule)
        json.field("severity")
        json.string(finding.severity.rawValue)
        json.field("message")
        json.string(finding.message)
        json.field("location")
        json.write(location(finding.location))
        json.field("section")
        json.string(finding.section)
        if let evidence = finding.evidence {
            json.field("evidence")
            json.string(Identifiers.redact(evidence, show: options.showIdentifiers))
        }
        json.endObject()
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
        String(decoding: letterUTF8(report, position: position, options), as: UTF8.self)
    }

    public func letterUTF8(_ report: LetterReport, position: Int, _ options: ReportOptions) -> [UInt8] {
        // Set two levels into the document: `{"letters": [` and the array.
        var json = JSONWriter(indent: 2, baseLevel: 2)
        json.raw(position == 0 ? "\n    " : ",\n    ")
        ReportJSON.write(report, options, to: &json)
        return json.utf8
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
        String(decoding: letterUTF8(report, position: position, options), as: UTF8.self)
    }

    public func letterUTF8(_ report: LetterReport, position: Int, _ options: ReportOptions) -> [UInt8] {
        var json = JSONWriter(indent: nil)
        ReportJSON.write(report, options, to: &json)
        json.raw("\n")
        return json.utf8
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String { "" }
}
