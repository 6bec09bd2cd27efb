import Foundation
import Testing

/// The built binary, end to end: exit codes, formats, batches, errors.
@Suite("Command line", .enabled(if: CommandRunner.binary != nil, "needs the built epicheck binary"))
struct CommandLineTests {
    static let good = Fixtures.samples.appendingPathComponent("good-breast-cancer.txt").path
    static let poor = Fixtures.samples.appendingPathComponent("poor-prostate-cancer.txt").path
    static let malformed = Fixtures.samples.appendingPathComponent("malformed-truncated.xml").path

    func json(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return try #require(object?["letters"] as? [[String: Any]])
    }

    @Test("exit 0 when nothing reaches --fail-on, 1 when something does")
    func exitCodes() throws {
        #expect(try CommandRunner.run(["check", Self.good]).status == 0)
        #expect(try CommandRunner.run(["check", Self.good, "--fail-on", "info"]).status == 1)
        #expect(try CommandRunner.run(["check", Self.poor]).status == 1)
        #expect(try CommandRunner.run(["check", Self.good, "--min-score", "100"]).status == 0)
        #expect(try CommandRunner.run(["check", Self.poor, "--fail-on", "error", "--min-score", "10"]).status == 1)
        let belowLimit = try CommandRunner.run(["check", "--format", "json", "--fail-on", "error", "--min-score", "30", Self.poor])
        #expect(belowLimit.status == 1)
        #expect(belowLimit.stdout.contains("EPICHECK-MIN-SCORE"))
    }

    @Test("exit 2 for usage and configuration errors, with the file and line")
    func usageErrors() throws {
        let noInput = try CommandRunner.run(["check"])
        #expect(noInput.status == 2)
        #expect(noInput.stderr.contains("Give at least one letter"))
        #expect(try CommandRunner.run(["check", "--format", "pdf", Self.good]).status == 2)
        #expect(try CommandRunner.run(["check", "--fail-on", "fatal", Self.good]).status == 2)
        #expect(try CommandRunner.run(["--help"]).status == 0)
        #expect(try CommandRunner.run(["check", "/nonexistent/letter.txt"]).status == 2)
        #expect(try CommandRunner.run(["check", "--format", "json", "--format", "csv", Self.good]).status == 2)
        // A copy of the rules with one pack broken.
        let (directory, rules) = try Self.rulesCopy(editing: "cross-sector.yml", replacing: "    severity: warning\n", with: "    severity: warnng\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["check", "--rules", rules.path, Self.good])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cross-sector.yml:"))
        #expect(result.stderr.contains("severity must be error, warning or info"))
    }

    /// The default lexicon starts loading before the command line is read; a lexicon from
    /// `EPICHECK_RULES` or `--rules` must be the one used, and its errors the ones reported.
    @Test("the lexicon loaded is the one of the rules directory asked for, however it is asked")
    func lexiconOfTheRulesAskedFor() throws {
        let (directory, rules) = try Self.rulesCopy(editing: "lexicon/da.yml", replacing: "version: 1", with: "version: 7")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (arguments, environment) in [(["check", Self.good], ["EPICHECK_RULES": rules.path]),
                                         (["check", "--rules", rules.path, Self.good], [:]),
                                         ([Self.good], ["EPICHECK_RULES": rules.path])] {
            let result = try CommandRunner.run(arguments, environment: environment)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("da.yml") && result.stderr.contains("unsupported lexicon version"), "\(arguments): \(result.stderr)")
        }
        #expect(try CommandRunner.run(["check", Self.good]).status != 2)
    }

    /// A copy of the shipped rules in a new temporary directory, with one file edited; the
    /// caller removes the directory.
    static func rulesCopy(editing file: String, replacing old: String, with new: String) throws -> (directory: URL, rules: URL) {
        let directory = try CommandRunner.temporaryDirectory()
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: Fixtures.rules, to: rules)
        let edited = rules.appendingPathComponent(file)
        let text = try String(contentsOf: edited, encoding: .utf8)
        #expect(text.contains(old), "\(file) holds \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: edited, atomically: true, encoding: .utf8)
        return (directory, rules)
    }

    @Test("an unknown rule in .epicheck.yml is a configuration error naming its line")
    func configuration() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "version: 1\nrules:\n  XS-CONTACT: {enabled: false}\n  XS-NOPE: {enabled: false}\n"
            .write(to: directory.appendingPathComponent(".epicheck.yml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", Self.good], directory: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".epicheck.yml:4"))
        try "version: 1\nrules:\n  XS-CONTACT: {enabled: false}\n"
            .write(to: directory.appendingPathComponent(".epicheck.yml"), atomically: true, encoding: .utf8)
        let prose = Fixtures.samples.appendingPathComponent("prose-rectal-cancer.txt").path
        let disabled = try CommandRunner.run(["check", "--format", "json", prose], directory: directory)
        #expect(!disabled.stdout.contains("XS-CONTACT"))
        #expect(try CommandRunner.run(["check", "--format", "json", prose]).stdout.contains("XS-CONTACT"))
    }

    @Test("a batch goes on past an unreadable letter, which is reported with line and column")
    func batch() throws {
        let result = try CommandRunner.run(["check", "--format", "json", Self.good, Self.malformed, Self.poor])
        #expect(result.status == 1)
        let letters = try json(result.stdout)
        #expect(letters.map { $0["file"] as? String } == [Self.good, Self.malformed, Self.poor])
        let broken = letters[1]
        let error = try #require(broken["error"] as? [String: Any])
        #expect(error["line"] as? Int == 79)
        #expect((broken["findings"] as? [[String: Any]])?.first?["rule"] as? String == "EPICHECK-UNREADABLE")
        #expect(letters[2]["score"] as? Double == 22.2)
    }

    @Test("the JSON contract of docs/evaluation.md")
    func jsonContract() throws {
        let letters = try json(try CommandRunner.run(["check", "--format", "json", Self.good, Fixtures.samples.appendingPathComponent("white-diabetes.txt").path]).stdout)
        let cancer = letters[0]
        #expect(cancer["cancer"] as? Bool == true)
        #expect(cancer["priority"] as? String == "green")
        #expect(cancer["mainDiagnosisCode"] as? String == "DC504")
        #expect(cancer["score"] as? Double == 100)
        #expect((cancer["checklist"] as? [String: String])?["late-effects"] == "present")
        let other = letters[1]
        #expect(other["score"] is NSNull)
        #expect((other["checklist"] as? [String: String])?["stage"] == "not-applicable")
    }

    @Test("standard input as -")
    func stdin() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "-"], stdin: "Prioritet: grøn\nDiagnose: Brystkræft (DC509).\n")
        let letters = try json(result.stdout)
        #expect(letters.first?["file"] as? String == "-")
        #expect(letters.first?["priority"] as? String == "green")
    }

    @Test("several --format/--output pairs in one run")
    func severalFormats() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sarif = directory.appendingPathComponent("out.sarif").path
        let junit = directory.appendingPathComponent("out.xml").path
        let result = try CommandRunner.run(["check", "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit,
                                            "--format", "json", Self.poor])
        #expect(result.status == 1)
        #expect(try json(result.stdout).count == 1)
        let sarifText = try String(contentsOfFile: sarif, encoding: .utf8)
        #expect(sarifText.contains("\"version\":\"2.1.0\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<testsuites name=\"epicheck\">"))
    }

    @Test("no output format holds a full CPR number unless asked")
    func identifiersMasked() throws {
        let bad = Fixtures.samples.appendingPathComponent("bad-data-quality.txt").path
        for format in ["text", "json", "ndjson", "sarif", "junit", "github", "csv"] {
            let result = try CommandRunner.run(["check", "--format", format, Self.good, bad])
            #expect(!result.stdout.contains("230866-2412") && !result.stdout.contains("2308662412"), "\(format)")
            #expect(!result.stdout.contains("320189-2720"), "\(format)")
        }
        let extract = try CommandRunner.run(["extract", "--format", "json", Self.good])
        #expect(!extract.stdout.contains("230866-2412"))
        let shown = try CommandRunner.run(["check", "--format", "json", "--show-identifiers", Self.good])
        #expect(shown.stdout.contains("230866-2412"))
    }

    @Test("hostile XML: libxml2 prints nothing, and a local file never leaks through an entity")
    func hostileXML() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOPSECRET".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = directory.appendingPathComponent("xxe.xml")
        try HostileXMLTests.externalEntityLetter(pointingAt: secret.path).write(to: xxe, atomically: true, encoding: .utf8)
        let bomb = directory.appendingPathComponent("bomb.xml")
        try HostileXMLTests.entityBomb.write(to: bomb, atomically: true, encoding: .utf8)
        // Found by fuzzing: a byte that windows-1252 leaves undefined made libxml2 print an
        // encoding error of its own.
        let undefined = directory.appendingPathComponent("undefined-byte.xml")
        var bytes = Array(Fixtures.oioxml(text01: "Senfølger: ingen").replacingOccurrences(of: "UTF-8", with: "windows-1252").utf8)
        bytes.insert(0x8D, at: bytes.firstIndex(of: UInt8(ascii: "S"))!)
        try Data(bytes).write(to: undefined)
        for file in [xxe, bomb, undefined] {
            for command in [["extract", "--format", "json"], ["check", "--format", "json"]] {
                let result = try CommandRunner.run(command + [file.path])
                #expect(result.stderr.isEmpty, "\(file.lastPathComponent): \(result.stderr)")
                #expect(!result.stdout.contains("TOPSECRET"))
            }
        }
    }

    @Test("rules and explain")
    func rulesAndExplain() throws {
        let rules = try CommandRunner.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("DSAM-LATE-EFFECTS"))
        let explain = try CommandRunner.run(["explain", "DSAM-LATE-EFFECTS", "--lang", "en"])
        #expect(explain.stdout.contains("Late effects are missing"))
        #expect(explain.stdout.contains("Fails:"))
        #expect(try CommandRunner.run(["explain", "NO-SUCH-RULE"]).status == 2)
        let builtIn = try CommandRunner.run(["explain", "EPICHECK-UNREADABLE"])
        #expect(builtIn.status == 0 && builtIn.stdout.contains("built into epicheck"))
    }

    @Test("extract shows each fact with file:line:col")
    func extractText() throws {
        let result = try CommandRunner.run(["extract", Self.good])
        #expect(result.status == 0)
        #expect(result.stdout.contains("marking:   green at \(Self.good):8:1"))
        #expect(result.stdout.contains("✓ late-effects"))
    }

    @Test("a batch with unreadable files, a symlink loop and other files: scored plus unreadable equals letters given")
    func robustBatch() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        for name in ["good-breast-cancer.txt", "noncancer-pneumonia.xml", "white-diabetes.txt"] {
            try manager.copyItem(at: Fixtures.samples.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try Data([0x00, 0xFF, 0x13, 0x37]).write(to: directory.appendingPathComponent("garbage.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.xml"))
        try manager.copyItem(at: Fixtures.samples.appendingPathComponent("malformed-truncated.xml"), to: directory.appendingPathComponent("cut.xml"))
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("gone.xml").path, withDestinationPath: "/nonexistent/letter.xml")
        try manager.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("sub/loop").path, withDestinationPath: directory.path)
        try Data("not a letter".utf8).write(to: directory.appendingPathComponent("notes.pdf"))
        let given = 7 // the three letters, garbage, empty, cut, and the broken link; notes.pdf is not a letter

        let result = try CommandRunner.run(["check", "--format", "json", directory.path])
        #expect(result.status == 1)
        let letters = try json(result.stdout)
        let scored = letters.filter { $0["error"] == nil }.count
        let unreadable = letters.filter { $0["error"] != nil }.count
        #expect(scored == 3)
        #expect(scored + unreadable == given)
    }

    @Test("a letter over the time limit is reported as such and the batch goes on")
    func timeLimit() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "--max-seconds", "0.000001", Self.good, Self.poor])
        let letters = try json(result.stdout)
        #expect(letters.count == 2)
        #expect(letters.allSatisfy { (($0["error"] as? [String: Any])?["message"] as? String)?.contains("took longer") == true })
    }
}
