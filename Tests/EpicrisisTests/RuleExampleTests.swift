import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

/// Every rule carries letters it must pass and letters it must fail; this runs them all.
@Suite("Rule examples")
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: Rule
        let example: RuleExample
        var testDescription: String { "\(rule.id) \(example.triggers ? "fails" : "passes") (\(rule.file.split(separator: "/").last!):\(example.line ?? 0))" }
    }

    static let cases: [Case] = Fixtures.packs.flatMap(\.rules).flatMap { rule in rule.examples.map { Case(rule: rule, example: $0) } }

    static let validator: SchemaValidator? = Fixtures.hasShared
        ? SchemaValidator(directory: Fixtures.shared.appendingPathComponent("medcom/schemas")) : nil

    @Test("each example passes or fails as declared", arguments: cases)
    func example(_ testCase: Case) throws {
        if testCase.rule.kind == .schemaValid && Self.validator == nil { return } // needs ../shared/medcom/schemas
        let options = ReadingOptions(schemaValidator: Self.validator)
        let findings: [Finding]
        do {
            let letters = try LetterReader.read(Array(testCase.example.text.utf8), path: "example", options: options)
            findings = letters.flatMap { letter in
                Fixtures.engine.findings(letter: letter, extraction: Fixtures.extractor.extract(letter), only: [testCase.rule.id])
            }
        } catch {
            // Only an empty letter may be unreadable: that is what the clinical-text rule is about.
            #expect(testCase.rule.kind == .clinicalText && testCase.example.triggers, "unreadable example: \(error)")
            return
        }
        #expect(findings.isEmpty != testCase.example.triggers, "\(findings.map(\.message))")
    }

    @Test("every rule has both kinds of example, a source and messages in both languages")
    func documented() {
        for rule in Fixtures.packs.flatMap(\.rules) {
            #expect(rule.examples.contains { $0.triggers } && rule.examples.contains { !$0.triggers }, "\(rule.id)")
            #expect(rule.source.contains("checklist.md"), "\(rule.id)")
            #expect(!rule.message.da.isEmpty && !rule.message.en.isEmpty && rule.message.da != rule.message.en, "\(rule.id)")
        }
    }

    @Test("the DSAM pack covers the nine items, and its weights make the score")
    func dsamCoverage() {
        let rules = Fixtures.packs.flatMap(\.rules)
        let items = Set(rules.filter { $0.kind == .itemPresent }.compactMap(\.item))
        #expect(items == Set(ChecklistItem.allCases))
        let weighted = rules.filter { $0.kind == .itemPresent && $0.weight > 0 }.compactMap(\.item)
        #expect(Set(weighted) == Set(ChecklistItem.dsam))
    }
}

@Suite("Score")
struct ScoreTests {
    @Test("the weighted share of DSAM items present; null for letters without cancer")
    func score() {
        let complete = Fixtures.extract("Diagnose: Brystkræft (DC509).\nBehandling: Lumpektomi.\n")
        // Diagnosis and treatment of nine equally weighted items.
        #expect(Fixtures.engine.score(complete) == 22.2)
        #expect(Fixtures.engine.score(Fixtures.extract("Diagnose: Pneumoni (DJ189).\n")) == nil)
    }

    @Test("configured weights change the score")
    func weights() {
        var configuration = Configuration()
        configuration.weights["DSAM-DIAGNOSIS"] = 0
        let engine = RuleEngine(packs: Fixtures.packs, configuration: configuration)
        #expect(engine.score(Fixtures.extract("Diagnose: Brystkræft (DC509).\nBehandling: Lumpektomi.\n")) == 12.5)
    }
}
