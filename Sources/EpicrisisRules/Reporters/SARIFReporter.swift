import Foundation
import Epicrisis

/// SARIF 2.1.0 for code-scanning services. Findings about *missing* content have no place in the
/// file, so they carry no region but a logical location: the checklist item or section.
public final class SARIFReporter: Reporter {
    public static let name = "sarif"
    private var emitted = 0
    public init() {}

    public func header(_ options: ReportOptions) -> String {
        let driver: JSONValue = .object([
            ("name", .string("epicheck")),
            ("version", .string(options.toolVersion)),
            ("rules", .array(options.rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("name", .string(rule.title)),
                    ("shortDescription", .object([("text", .string(rule.title))])),
                    ("fullDescription", .object([("text", .string(rule.message.text(options.language)))])),
                    ("help", .object([("text", .string(rule.rationale + " Source: " + rule.source))])),
                    ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
                ])
            })),
        ])
        let tool = JSONValue.object([("driver", driver)]).serialized()
        return #"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":"# + tool + #","results":["#
    }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        var out = ""
        for finding in report.findings {
            out += (emitted == 0 ? "\n" : ",\n") + result(finding, file: report.file, options).serialized()
            emitted += 1
        }
        return out
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String {
        "\n]}]}\n"
    }

    private func result(_ finding: Finding, file: String, _ options: ReportOptions) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(Self.uri(file)))]))]
        if let location = finding.location, location.line > 0 {
            physical.append(("region", .object([("startLine", .int(location.line)), ("startColumn", .int(max(1, location.column)))])))
        }
        var location: [(String, JSONValue)] = [("physicalLocation", .object(physical))]
        if let section = finding.section {
            location.append(("logicalLocations", .array([.object([("name", .string(section)), ("kind", .string("section"))])])))
        }
        return .object([
            ("ruleId", .string(finding.rule)),
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object(location)])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference: the path with spaces and the like percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

