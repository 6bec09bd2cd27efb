import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

/// Each reporter on a fixed set of findings, against output written out by hand in `Expected/`.
@Suite("Reporters")
struct ReporterTests {
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    static let reports: [LetterReport] = [
        LetterReport(file: "letters/a.txt", findings: [
            Finding(rule: "DSAM-LATE-EFFECTS", severity: .warning, message: "Late effects are missing.", section: "late-effects"),
            Finding(rule: "DQ-CPR-VALID", severity: .error, message: "The CPR number is invalid.\nSecond line 100%.",
                    location: SourceLocation(line: 4, column: 12), section: "patient", evidence: "CPR 320189-2720, \"quoted\""),
        ]),
        LetterReport.unreadable(file: "letters/b, c.xml", error: ReadError(file: "letters/b, c.xml", line: 79, column: 5,
                                                                         message: "malformed XML: Premature end")),
    ]

    static let options = ReportOptions(language: .en, rules: Array(Fixtures.packs.flatMap(\.rules).prefix(2)), toolVersion: "test")

    static func render(_ reporter: any Reporter) -> String {
        var tally = RunTally()
        var out = reporter.header(options)
        for (position, report) in reports.enumerated() {
            out += reporter.letter(report, position: position, options)
            tally.add(report)
        }
        return out + reporter.footer(tally, options)
    }

    @Test("each format against its expected output", arguments: [
        (JSONReporter.name, "report.json"), (GitHubReporter.name, "report.github.txt"), (CSVReporter.name, "report.csv"),
        (JUnitReporter.name, "report.junit.xml"), (TextReporter.name, "report.text.txt"),
    ])
    func format(_ name: String, _ file: String) throws {
        let expected = try String(contentsOf: Self.expected.appendingPathComponent(file), encoding: .utf8)
        #expect(Self.render(Reporters.named(name)!) == expected)
    }

    /// A dashboard fails what the exit status fails: with `--fail-on warning` the warning is a
    /// failed test too, with `--fail-on error` it is a passed one that shows the finding.
    @Test("JUnit fails the findings at or above --fail-on, and only those")
    func junitFailOn() {
        var options = Self.options
        let byDefault = JUnitReporter().letter(Self.reports[0], position: 0, options)
        #expect(byDefault.contains("failures=\"1\""))
        #expect(!byDefault.contains("<failure type=\"warning\""))
        #expect(byDefault.contains("<system-out>letters/a.txt: Late effects are missing.</system-out>"))
        options.failOn = .warning
        let strict = JUnitReporter().letter(Self.reports[0], position: 0, options)
        #expect(strict.contains("failures=\"2\""))
        #expect(strict.contains("<failure type=\"warning\" message=\"Late effects are missing.\">"))
        options.failOn = .error
        let unreadable = JUnitReporter().letter(Self.reports[1], position: 1, options)
        #expect(unreadable.contains("<failure type=\"error\""))
    }

    @Test("NDJSON is one compact JSON object per line")
    func ndjson() throws {
        let lines = Self.render(NDJSONReporter()).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
    }

    @Test("SARIF: missing content has no region but a logical location; a located finding has both")
    func sarifShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.render(SARIFReporter()).utf8)) as! [String: Any]
        #expect(object["version"] as? String == "2.1.0")
        let run = (object["runs"] as! [[String: Any]])[0]
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == 3)
        let missing = (results[0]["locations"] as! [[String: Any]])[0]
        #expect((missing["physicalLocation"] as! [String: Any])["region"] == nil)
        #expect(((missing["logicalLocations"] as! [[String: Any]])[0])["name"] as? String == "late-effects")
        let located = (results[1]["locations"] as! [[String: Any]])[0]
        let region = (located["physicalLocation"] as! [String: Any])["region"] as! [String: Any]
        #expect(region["startLine"] as? Int == 4)
        #expect(results[1]["level"] as? String == "error")
        let uri = (((results[2]["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: Any])["uri"]
        #expect(uri as? String == "letters/b,%20c.xml")
        #expect(((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] is [[String: Any]])
    }

    static let sarifSchema = Fixtures.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
    static var canValidate: Bool {
        FileManager.default.fileExists(atPath: sarifSchema.path)
            && (try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", "import jsonschema"]))
                .map { $0.waitUntilExit(); return $0.terminationStatus == 0 } == true
    }

    @Test("SARIF validates against the 2.1.0 schema", .enabled(if: canValidate, "needs ../shared/schemas and python3 jsonschema"))
    func sarifSchemaValid() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.sarif")
        try Self.render(SARIFReporter()).write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
        jsonschema.validate(document, schema)
        """
        let process = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", script, Self.sarifSchema.path, file.path])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
