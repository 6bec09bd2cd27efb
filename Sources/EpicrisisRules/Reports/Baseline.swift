import Epicrisis
import Foundation

/// Findings accepted as they are, so a team can adopt epicheck on old templates and letters and be
/// told only of new problems. A finding is known by its fingerprint: rule, file, section and
/// evidence, never its line, so moving text does not make it new. A baselined finding that no
/// longer occurs is stale: fixed, and due to leave the baseline.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var section: String?
        public var evidence: String?
    }

    public private(set) var entries: [String: Entry] = [:]
    private var seen: Set<String> = []
    /// Paths are kept relative to this folder (the baseline file's), so `tpl/a.txt`, `./tpl/a.txt`
    /// and its absolute path are one file, from wherever epicheck is run.
    public let root: URL?

    public init(root: URL? = nil) {
        self.root = root?.standardizedFileURL
    }

    /// `path` relative to the baseline's folder, where it lies under it.
    func key(_ path: String) -> String {
        guard let root, path != "-" else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    public static func fingerprint(_ finding: Finding, file: String) -> String {
        let evidence = (finding.evidence ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let key = [finding.rule, file, finding.section ?? "", evidence].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a: stable across runs and machines
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    public mutating func record(_ report: LetterReport) {
        for finding in report.findings {
            let file = key(report.file)
            let fingerprint = Self.fingerprint(finding, file: file)
            entries[fingerprint] = Entry(fingerprint: fingerprint, rule: finding.rule, file: file,
                                         section: finding.section, evidence: finding.evidence)
        }
    }

    /// The report without the findings the baseline accepts.
    public mutating func filter(_ report: LetterReport) -> LetterReport {
        var report = report
        let file = key(report.file)
        report.findings.removeAll { finding in
            let fingerprint = Self.fingerprint(finding, file: file)
            guard entries[fingerprint] != nil else { return false }
            seen.insert(fingerprint)
            return true
        }
        return report
    }

    /// Baselined findings of the checked files that did not occur again, as findings.
    public func stale(checkedFiles: Set<String>, language: Language) -> [LetterReport] {
        let checked = Set(checkedFiles.map(key))
        let stale = entries.values.filter { checked.contains($0.file) && !seen.contains($0.fingerprint) }
        return Dictionary(grouping: stale, by: \.file).keys.sorted().map { file in
            let findings = stale.filter { $0.file == file }.sorted { $0.fingerprint < $1.fingerprint }.map { entry in
                Finding(rule: "EPICHECK-BASELINE-STALE", severity: .info,
                        message: language == .da
                            ? "\(entry.rule) er rettet; fjern den fra baseline (skriv den igen med --write-baseline)."
                            : "\(entry.rule) is fixed; remove it from the baseline (write it again with --write-baseline).",
                        section: entry.section, evidence: entry.evidence)
            }
            return LetterReport(file: file, findings: findings)
        }
    }

    public func json() -> String {
        let list = entries.values.sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }.map { entry in
            JSONValue.object([("fingerprint", .string(entry.fingerprint)), ("rule", .string(entry.rule)), ("file", .string(entry.file)),
                              ("section", .optional(entry.section)), ("evidence", .optional(entry.evidence))])
        }
        return JSONValue.object([("version", .int(1)), ("findings", .array(list))]).serialized(indent: 2) + "\n"
    }

    public static func load(contentsOf url: URL) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(file: url.path, message: "no such baseline file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == 1, let list = object["findings"] as? [[String: Any]] else {
            throw ConfigurationError(file: url.path, message: "not an epicheck baseline (version 1)")
        }
        var baseline = Baseline(root: url.deletingLastPathComponent())
        for item in list {
            guard let fingerprint = item["fingerprint"] as? String, let rule = item["rule"] as? String, let file = item["file"] as? String else {
                throw ConfigurationError(file: url.path, message: "a baseline entry lacks fingerprint, rule or file")
            }
            baseline.entries[fingerprint] = Entry(fingerprint: fingerprint, rule: rule, file: file,
                                                  section: item["section"] as? String, evidence: item["evidence"] as? String)
        }
        return baseline
    }
}
