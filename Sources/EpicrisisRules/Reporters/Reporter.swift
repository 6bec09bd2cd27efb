import Epicrisis

/// What every reporter knows about the run.
public struct ReportOptions: Sendable {
    public var language: Language
    /// Show CPR numbers and names in full. Off by default: reports travel to CI logs and code-scanning
    /// services where patient data must not go.
    public var showIdentifiers: Bool
    public var rules: [Rule]
    public var toolVersion: String
    /// Terminal colours in the text format: on only for a terminal that has not asked for `NO_COLOR`.
    public var colour: Bool
    /// The least severity that fails a run (`check --fail-on`): JUnit reports findings from it up
    /// as failed tests and the rest as passed ones, so that a dashboard fails what the exit
    /// status fails.
    public var failOn: Severity

    public init(language: Language = .da, showIdentifiers: Bool = false, rules: [Rule] = [],
                toolVersion: String = EpicheckVersion.current, colour: Bool = false, failOn: Severity = .error) {
        self.language = language
        self.showIdentifiers = showIdentifiers
        self.rules = rules
        self.toolVersion = toolVersion
        self.colour = colour
        self.failOn = failOn
    }
}

/// Counts kept while letters stream through, for reporters' closing lines.
public struct RunTally: Sendable {
    public var letters = 0
    public var unreadable = 0
    public var findings: [Severity: Int] = [:]

    public init() {}

    public mutating func add(_ report: LetterReport) {
        letters += 1
        if report.readError != nil { unreadable += 1 }
        for finding in report.findings { findings[finding.severity, default: 0] += 1 }
    }
}

/// Turns letter reports into one output format, letter by letter, so a batch of any size streams
/// through in bounded memory: `header`, then `letter` for each in input order, then `footer`.
/// A reporter may keep state across one run (SARIF counts its results); make a new one per run.
public protocol Reporter: AnyObject {
    /// The name used with `--format`.
    static var name: String { get }
    func header(_ options: ReportOptions) -> String
    func letter(_ report: LetterReport, position: Int, _ options: ReportOptions) -> String
    /// `letter` as UTF-8, for output: a reporter that writes bytes hands them over without making
    /// a string of them (which checks every byte again).
    func letterUTF8(_ report: LetterReport, position: Int, _ options: ReportOptions) -> [UInt8]
    func footer(_ tally: RunTally, _ options: ReportOptions) -> String
}

extension Reporter {
    public func letterUTF8(_ report: LetterReport, position: Int, _ options: ReportOptions) -> [UInt8] {
        Array(letter(report, position: position, options).utf8)
    }
}

public enum EpicheckVersion {
    public static let current = "0.1.0"
}

/// The reporters by `--format` name.
public enum Reporters {
    public static let names = [
        TextReporter.name, JSONReporter.name, NDJSONReporter.name, SARIFReporter.name, JUnitReporter.name,
        GitHubReporter.name, CSVReporter.name,
    ]

    public static func named(_ name: String) -> (any Reporter)? {
        switch name {
        case TextReporter.name: TextReporter()
        case JSONReporter.name: JSONReporter()
        case NDJSONReporter.name: NDJSONReporter()
        case SARIFReporter.name: SARIFReporter()
        case JUnitReporter.name: JUnitReporter()
        case GitHubReporter.name: GitHubReporter()
        case CSVReporter.name: CSVReporter()
        default: nil
        }
    }
}
