import Testing
@testable import Epicrisis
@testable import EpicrisisRules

@Suite("Rule-pack loading")
struct RulePackLoaderTests {
    static let valid = """
    format: 1
    pack: test
    title: Test
    rules:
      - id: TEST-CONTACT
        title: Contact
        kind: item-present
        item: contact
        severity: warning
        message: {da: "Kontakt mangler.", en: "Contact is missing."}
        rationale: Because.
        source: docs/checklist.md
        examples:
          pass: ["tlf. 7845 6210"]
          fail: ["Intet"]
    """

    @Test("a valid pack loads")
    func valid() throws {
        let pack = try RulePackLoader.load(yaml: Self.valid, file: "test.yml")
        #expect(pack.rules.map(\.id) == ["TEST-CONTACT"])
        #expect(pack.rules.first?.item == .contact)
        #expect(pack.rules.first?.severity == .warning)
        #expect(pack.rules.first?.line == 5)
    }

    @Test("every mistake fails loudly with the file and line", arguments: [
        ("    severity: warning", "    severity: warning\n    colour: red", 10, "unknown key 'colour'"),
        ("    severity: warning", "    severity: fatal", 9, "severity must be"),
        ("    kind: item-present", "    kind: item-absent", 7, "unknown rule kind"),
        ("    item: contact", "    item: kontakt", 8, "unknown checklist item"),
        ("    rationale: Because.\n", "", 5, "missing required key 'rationale'"),
        ("      fail: [\"Intet\"]", "      fail: []", 14, "at least one passing and one failing example"),
        ("format: 1", "format: 2", 1, "unsupported rule-pack format"),
        ("  - id: TEST-CONTACT", "  - id: test contact", 5, "upper-case words"),
    ])
    func mistakes(_ find: String, _ replace: String, _ line: Int, _ message: String) {
        let yaml = Self.valid.replacingOccurrences(of: find, with: replace)
        #expect {
            try RulePackLoader.load(yaml: yaml, file: "test.yml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.file == "test.yml" && error.line == line && error.message.contains(message)
        }
    }

    @Test("rule ids are upper-case words joined by hyphens", arguments: [
        "DSAM-LATE-EFFECTS", "X", "A1-B2", "EPICHECK-2", "dsam-x", "DSAM--X", "DSAM-", "-DSAM", "1DSAM", "DSAM X",
        "DSAM-É", "", "Ø-X", "DSAM-x1", "A-1",
    ])
    func ruleIDs(_ id: String) {
        let expected = id.range(of: #"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"#, options: .regularExpression) != nil
        #expect(RulePackLoader.isRuleID(id) == expected)
    }

    @Test("a YAML syntax error names its line")
    func syntax() {
        #expect {
            try RulePackLoader.load(yaml: "format: 1\npack: [unclosed\ntitle: x\n", file: "bad.yml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.line != nil && error.message.contains("YAML syntax error")
        }
    }

    @Test("a lexicon pattern that does not compile is an error with its line")
    func badPattern() throws {
        let text = try String(contentsOf: Fixtures.rules.appendingPathComponent("lexicon/da.yml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"\\\\bsenfølge\\\\w*\"", with: "\"(senfølge\"")
        #expect(broken != text)
        #expect {
            try LexiconLoader.load(yaml: broken, file: "da.yml")
        } throws: { error in
            (error as! ConfigurationError).message.contains("invalid regular expression")
        }
    }

    @Test("the configuration refuses unknown keys and unknown rules")
    func configuration() throws {
        let configuration = try ConfigurationLoader.load(yaml: "version: 1\nrules:\n  XS-CONTACT: {severity: error}\n", file: ".epicheck.yml")
        #expect(configuration.severities["XS-CONTACT"] == .error)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(yaml: "version: 1\nrulez: {}\n", file: ".epicheck.yml")
        }
        let unknown = try ConfigurationLoader.load(yaml: "version: 1\nrules:\n  NO-SUCH-RULE: {enabled: false}\n", file: ".epicheck.yml")
        #expect {
            try unknown.validate(against: ["XS-CONTACT"])
        } throws: { error in
            (error as! ConfigurationError).line == 3
        }
    }
}
