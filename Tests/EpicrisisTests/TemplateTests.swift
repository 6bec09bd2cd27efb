import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

@Suite("Letter templates")
struct TemplateTests {
    static let templates = Fixtures.samples.appendingPathComponent("templates")

    static func findings(_ name: String) throws -> [Finding] {
        let letter = try #require(try LetterReader.read(Fixtures.bytes(templates.appendingPathComponent(name)), path: name).first)
        #expect(letter.isTemplate)
        return Fixtures.engine.findings(letter: letter, extraction: Fixtures.extractor.extract(letter))
    }

    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")/\($0.section ?? "")" }.sorted()
    }

    @Test("the complete template has no findings")
    func complete() throws {
        #expect(try Self.findings("complete-cancer-template.txt").isEmpty)
    }

    @Test("each deficient template has exactly the findings it was written to have, on the right lines", arguments: [
        ("missing-late-effects.txt", ["TEMPLATE-ITEM-SLOT@-/late-effects"]),
        ("marking-at-bottom.txt", ["TEMPLATE-MARKING-SLOT@16:1/priority"]),
        ("unnamed-slots-no-responsibility.txt", ["TEMPLATE-ITEM-SLOT@-/responsibility", "TEMPLATE-UNNAMED-SLOT@13:28/template",
                                                 "TEMPLATE-UNNAMED-SLOT@3:27/template", "TEMPLATE-UNNAMED-SLOT@5:9/template"]),
    ])
    func deficient(_ name: String, _ expected: [String]) throws {
        #expect(Self.summary(try Self.findings(name)) == expected.sorted())
    }

    @Test("slots are not missing content: the letter rules do not judge a template")
    func slotsAreNotContent() throws {
        let findings = try Self.findings("missing-late-effects.txt")
        #expect(!findings.contains { $0.rule.hasPrefix("DSAM-") || $0.rule.hasPrefix("XS-") })
    }

    @Test("slot syntaxes", arguments: ["{{senfølger}}", "[[senfølger]]", "«senfølger»", "<senfølger>", "[indsæt senfølger]", "MERGEFIELD senfoelger"])
    func syntaxes(_ slot: String) throws {
        var letter = Fixtures.textLetter("Diagnose: {{diagnose}}\n\(slot)\n")
        letter.isTemplate = true
        let facts = try #require(Fixtures.extractor.extract(letter).template)
        #expect(facts.covered[.lateEffects]?.line == 2)
        #expect(facts.unnamedSlots.isEmpty)
    }
}

@Suite("Baseline")
struct BaselineTests {
    static func report(_ text: String, file: String = "skabelon.txt") -> LetterReport {
        var letter = Fixtures.textLetter(text)
        letter.isTemplate = true
        return Fixtures.engine.report(file: file, letter: letter, extraction: Fixtures.extractor.extract(letter))
    }

    static let old = "Prioritet: {{farve}}\nDiagnose: {{diagnose}}\nSenfølger: [...]\n"

    @Test("moving lines does not make a finding new")
    func moved() {
        var baseline = Baseline()
        baseline.record(Self.report(Self.old))
        let moved = Self.report("Prioritet: {{farve}}\n\n\nDiagnose: {{diagnose}}\n\nSenfølger: [...]\n")
        #expect(baseline.filter(moved).findings.isEmpty)
    }

    @Test("a new gap is reported")
    func newGap() {
        var baseline = Baseline()
        baseline.record(Self.report(Self.old))
        let worse = Self.report(Self.old + "Plan: XXX\n")
        #expect(baseline.filter(worse).findings.map(\.rule) == ["TEMPLATE-UNNAMED-SLOT"])
    }

    @Test("a fixed finding is stale")
    func stale() {
        var baseline = Baseline()
        baseline.record(Self.report(Self.old))
        let fixed = Self.report(Self.old.replacingOccurrences(of: "[...]", with: "{{senfoelger}}"))
        #expect(baseline.filter(fixed).findings.isEmpty)
        let stale = baseline.stale(checkedFiles: ["skabelon.txt"], language: .en)
        #expect(stale.flatMap(\.findings).map(\.rule) == ["EPICHECK-BASELINE-STALE"])
        #expect(stale.first?.findings.first?.evidence == "[...]")
    }

    @Test("a baseline survives being written and read")
    func roundTrip() throws {
        var baseline = Baseline()
        baseline.record(Self.report(Self.old))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try baseline.json().write(to: file, atomically: true, encoding: .utf8)
        let read = try Baseline.load(contentsOf: file)
        #expect(Set(read.entries.keys) == Set(baseline.entries.keys))
        #expect(!read.entries.isEmpty)
    }
}
