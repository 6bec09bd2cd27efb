import Epicrisis

/// GitHub Actions workflow commands: each finding becomes an annotation on its line.
public final class GitHubReporter: Reporter {
    public static let name = "github"
    public init() {}

    public func header(_ options: ReportOptions) -> String { "" }

    public func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String {
        report.findings.map { finding in
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties = ["file=\(Self.escapeProperty(report.file))"]
            if let location = finding.location, location.line > 0 {
                properties += ["line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(Self.escapeProperty(finding.rule))")
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(finding.message))\n"
        }.joined()
    }

    public func footer(_ tally: RunTally, _ options: ReportOptions) -> String { "" }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
