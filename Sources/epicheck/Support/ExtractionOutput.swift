import Epicrisis
import EpicrisisRules
import Rainbow

/// The JSON of `epicheck extract`: the letter model and every judgement with its evidence.
enum ExtractionJSON {
    static func letter(_ report: LetterReport, _ options: ReportOptions) -> JSONValue {
        guard let letter = report.letter, let extraction = report.extraction else {
            return .object([("file", .string(report.file)), ("error", .optional(report.readError?.description))])
        }
        let date = { (field: DatedField?) -> JSONValue in .optional(field?.date.description) }
        let party = { (party: Party) -> JSONValue in
            .object([("organisation", .optional(party.organisation)), ("department", .optional(party.department)),
                     ("unit", .optional(party.unit)), ("phone", .optional(party.phone))])
        }
        return .object([
            ("file", .string(report.file)),
            ("index", .int(report.index)),
            ("format", .string(letter.format.rawValue)),
            ("type", .string(letter.type.code)),
            ("status", .optional(letter.status)),
            ("sender", party(letter.sender)),
            ("receiver", party(letter.receiver)),
            ("patient", .object([
                ("name", .optional(options.showIdentifiers ? letter.patient.name : letter.patient.name.map { _ in "***" })),
                ("cpr", .optional(Identifiers.cpr(letter.patient.cpr, show: options.showIdentifiers))),
            ])),
            ("dates", .object([("admission", date(letter.dates.admission)), ("discharge", date(letter.dates.discharge)),
                               ("authorisation", date(letter.dates.authorisation))])),
            ("diagnoses", .array(letter.diagnoses.map { .object([("code", .string($0.code)), ("text", .optional($0.text)),
                                                                   ("role", .string($0.role.rawValue))]) })),
            ("cancer", .bool(extraction.isCancerLetter)),
            ("cancerEvidence", .array(extraction.cancerEvidence.map { ReportJSON.evidence($0, options) })),
            ("mainDiagnosisCode", .optional(extraction.mainDiagnosisCode)),
            ("priority", extraction.priority.map { .object([("colour", .string($0.colour.rawValue)),
                                                            ("evidence", ReportJSON.evidence($0.evidence, options))]) } ?? .null),
            ("timeFrameWeekdays", extraction.timeFrame.map { .int($0.maximumWeekdays) } ?? .null),
            ("treatments", .array(extraction.treatments.map { .object([("modality", .string($0.modality)),
                                                                       ("evidence", ReportJSON.evidence($0.evidence, options))]) })),
            ("sections", .array(extraction.sections.compactMap { section in
                guard let heading = section.heading else { return nil }
                return .object([("heading", .string(Identifiers.redact(heading.text, show: options.showIdentifiers))),
                                ("line", .int(heading.location.line)),
                                ("items", .array(section.items.map { .string($0.rawValue) }))])
            })),
            ("checklist", .object(ChecklistItem.allCases.map { item in
                let judgement = extraction.judgement(item)
                return (item.rawValue, .object([
                    ("status", .string(judgement.status.rawValue)),
                    ("evidence", .array(judgement.evidence.map { ReportJSON.evidence($0, options) })),
                    ("emptyHeadings", .array(judgement.emptyHeadings.map { ReportJSON.evidence($0, options) })),
                ]))
            })),
        ])
    }
}

/// The text of `epicheck extract`: the facts grouped by checklist item, each with `file:line:col`.
enum ExtractionText {
    static func letter(_ report: LetterReport, _ options: ReportOptions) -> String {
        guard let letter = report.letter, let extraction = report.extraction else {
            return "\(report.file): " + "error".red.bold + ": \(report.readError?.message ?? "unreadable")\n"
        }
        var out = "\(report.file)".bold + " — \(letter.format.rawValue) \(letter.type.code)\n"
        out += "  sender:    \(letter.sender.displayName ?? "–")\(letter.sender.phone.map { ", tlf. \($0)" } ?? "")\n"
        out += "  receiver:  \(letter.receiver.displayName ?? "–")\n"
        out += "  patient:   \(Identifiers.cpr(letter.patient.cpr, show: options.showIdentifiers) ?? "–")\n"
        out += "  dates:     \(letter.dates.admission?.date.description ?? "?") → \(letter.dates.discharge?.date.description ?? "?")\n"
        out += "  cancer:    \(extraction.isCancerLetter ? "yes" : "no")"
        out += extraction.mainDiagnosisCode.map { ", main diagnosis \($0)" } ?? ""
        out += "\n"
        if let marking = extraction.priority {
            out += "  marking:   \(marking.colour.rawValue) at \(report.file):\(marking.evidence.location)"
            out += extraction.timeFrame.map { ", time frame ≤ \($0.maximumWeekdays) weekdays" } ?? ""
            out += "\n"
        } else {
            out += "  marking:   none\n"
        }
        if !extraction.treatments.isEmpty {
            out += "  treatment: \(extraction.treatments.map(\.modality).joined(separator: ", "))\n"
        }
        for item in ChecklistItem.allCases {
            let judgement = extraction.judgement(item)
            let mark: String
            switch judgement.status {
            case .present: mark = "✓".green
            case .missing: mark = "✗".red
            case .notApplicable: mark = "·".dim
            }
            out += "  \(mark) \(item.rawValue)\n"
            for evidence in judgement.evidence {
                let polarity = evidence.polarity == .affirmed ? "" : " (\(evidence.polarity.rawValue))"
                out += "      \(report.file):\(evidence.location)\(polarity) ".dim
                    + Identifiers.redact(String(evidence.text.prefix(120)), show: options.showIdentifiers) + "\n"
            }
            for empty in judgement.emptyHeadings {
                out += "      \(report.file):\(empty.location) empty heading: ".dim + empty.text + "\n"
            }
        }
        return out
    }
}
