import Epicrisis

/// JUnit XML for CI dashboards: a test suite per letter, a test case per rule that fired, failed
/// from the severity that fails the run (`ReportOptions.failOn`) up; below it the finding is the
/// test's output.
public final class JUnitReporter: Reporter {
    public static let name = "junit"
    public init() {}

    public func header(_ options: ReportOptions) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"epicheck\">\n"
    }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        let failures = report.findings.filter { $0.severity >= options.failOn }.count
        var out = "  <testsuite name=\"\(Self.escape(report.file))\" tests=\"\(max(1, report.findings.count))\" failures=\"\(failures)\" errors=\"0\">\n"
        if report.findings.isEmpty {
            out += "    <testcase classname=\"\(Self.escape(report.file))\" name=\"epicheck\"/>\n"
        }
        for finding in report.findings {
            let place = finding.location.map { "\(report.file):\($0.line):\($0.column)" } ?? report.file
            out += "    <testcase classname=\"\(Self.escape(report.file))\" name=\"\(Self.escape(finding.rule))\">\n"
            let body = Self.escape("\(place): \(finding.message)" + (finding.evidence.map { "\n" + Identifiers.redact($0, show: options.showIdentifiers) } ?? ""))
            if finding.severity >= options.failOn {
                out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(finding.message))\">\(body)</failure>\n"
            } else {
                out += "      <system-out>\(body)</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String { "</testsuites>\n" }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x0A, ascii != 0x09 { continue }
                out.append(character)
            }
        }
        return out
    }
}
