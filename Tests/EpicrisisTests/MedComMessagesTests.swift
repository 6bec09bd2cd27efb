import Foundation
import Testing
@testable import Epicrisis

/// MedCom's own test messages in ../shared/medcom/messages (skipped where absent).
@Suite("MedCom messages", .enabled(if: Fixtures.hasShared, "needs ../shared/medcom"))
struct MedComMessagesTests {
    static let messages = Fixtures.shared.appendingPathComponent("medcom/messages")

    static var xmlFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: messages.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test("every XML message is read without error", arguments: xmlFiles)
    func readsAll(_ name: String) throws {
        let letters = try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent(name)), path: name)
        #expect(!letters.isEmpty)
        #expect(letters.allSatisfy { !$0.lines.isEmpty && $0.patient.cpr != nil })
    }

    @Test("DIS02_1: codes, windows-1252 names, and its CPR")
    func dis02() throws {
        let letter = try #require(try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent("DIS02_1.xml")), path: "DIS02_1.xml").first)
        #expect(letter.type == .outpatient)
        #expect(letter.mainDiagnosis?.code == "DK26")
        #expect(letter.diagnoses.first { $0.role == .procedure }?.code == "KUJD05")
        #expect(letter.sender.department == "KIRURGISK AFD. A")
        #expect(letter.sender.organisation == "HILLERØD SYGEHUS")
        // 150282-4933 is 15 February 1982 (seventh digit 4, year 82) and passes modulus 11:
        // a checker reports on it without failing, and here there is nothing wrong to report.
        let cpr = try #require(CPRNumber(letter.patient.cpr ?? ""))
        #expect(cpr.birthDate?.description == "1982-02-15")
        #expect(cpr.passesModulus11)
        let extraction = Fixtures.extractor.extract(letter)
        let findings = Fixtures.engine.findings(letter: letter, extraction: extraction)
        #expect(!findings.contains { $0.rule.hasPrefix("DQ-CPR") })
        #expect(!extraction.isCancerLetter)
        #expect(extraction.mainDiagnosisCode == "DK26")
    }

    @Test("DIS91_1 is a correspondence letter with its text lines")
    func dis91() throws {
        let letter = try #require(try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent("DIS91_1.xml")), path: "DIS91_1.xml").first)
        #expect(letter.type == .correspondence)
        #expect(letter.lines.first?.text == "Afdeling A har modtaget en henvisning på ovenstående patient.")
        #expect(letter.lines.contains { $0.text == "Røntgen af hofte i to planer." })
    }

    @Test("every message validates against the schema of its namespace", arguments: xmlFiles)
    func schemas(_ name: String) throws {
        let validator = SchemaValidator(directory: Fixtures.shared.appendingPathComponent("medcom/schemas"))
        let letters = try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent(name)), path: name,
                                            options: ReadingOptions(schemaValidator: validator))
        #expect(letters.allSatisfy { $0.schemaViolations.isEmpty })
    }

    @Test("a letter that breaks its schema gets violations with lines")
    func schemaViolation() throws {
        let validator = SchemaValidator(directory: Fixtures.shared.appendingPathComponent("medcom/schemas"))
        let xml = Fixtures.oioxml(text01: "x").replacingOccurrences(of: "<Receiver>", with: "<Unexpected/><Receiver>")
        let letter = try #require(try Fixtures.xmlLetters(xml, options: ReadingOptions(schemaValidator: validator)).first)
        #expect(!letter.schemaViolations.isEmpty)
        #expect(letter.schemaViolations.allSatisfy { ($0.line ?? 0) > 0 })
    }
}
