import Epicrisis

/// One row per letter, for spreadsheets: the checklist as columns, the score, the finding count.
public final class CSVReporter: Reporter {
    public static let name = "csv"
    public init() {}

    public func header(_ options: ReportOptions) -> String {
        let columns = ["file", "index", "type", "sender", "cancer", "priority", "mainDiagnosisCode", "score"]
            + ChecklistItem.allCases.map(\.rawValue) + ["errors", "warnings", "infos", "unreadable"]
        return columns.joined(separator: ",") + "\n"
    }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        let extraction = report.extraction
        var row = [
            report.file, String(report.index), report.letter?.type.code ?? "", report.letter?.sender.displayName ?? "",
            extraction.map { $0.isCancerLetter ? "true" : "false" } ?? "",
            extraction?.priority?.colour.rawValue ?? "", extraction?.mainDiagnosisCode ?? "",
            report.score.map(TextReporter.format) ?? "",
        ]
        row += ChecklistItem.allCases.map { report.status(of: $0)?.rawValue ?? "" }
        row += [Severity.error, .warning, .info].map { severity in String(report.findings.filter { $0.severity == severity }.count) }
        row.append(report.readError == nil ? "false" : "true")
        return row.map(Self.field).joined(separator: ",") + "\n"
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String { "" }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is neutralised so a spreadsheet does not run it.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
