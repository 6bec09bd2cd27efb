import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

/// Broken and hostile input: each case ends in a clear error (with its place where one applies)
/// or a letter that is read as far as it goes, never in a crash or a hang.
@Suite("Malformed input")
struct MalformedInputTests {
    func readError(_ bytes: [UInt8], path: String = "bad.xml") -> ReadError? {
        do {
            _ = try LetterReader.read(bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("an empty file")
    func empty() {
        #expect(readError([], path: "empty.txt")?.message == "the letter is empty")
    }

    @Test("binary garbage")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        #expect(readError(bytes, path: "garbage.txt") != nil)
    }

    @Test("truncated XML names the line and column")
    func truncated() {
        let xml = Fixtures.oioxml(text01: "Diagnose: X<Break/>Plan: kontrol")
        let cut = Array(xml.utf8.prefix(xml.utf8.count - 120))
        let error = readError(cut)
        #expect(error?.line != nil && error?.column != nil)
        #expect(error?.message.hasPrefix("malformed XML") == true)
    }

    @Test("invalid UTF-8 in a letter declared UTF-8 is an error with its place")
    func invalidUTF8() {
        var bytes = Array(Fixtures.oioxml(text01: "Senfølger: ingen").utf8)
        let index = bytes.firstIndex(of: 0xC3)!   // the first byte of "æ" in "Lægehuset", line 9
        bytes[index] = 0xE6                         // windows-1252 "æ" in a UTF-8 document
        let error = readError(bytes)
        #expect(error?.line == 9)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test("a wrong encoding declaration reads as declared: no crash, and the text is still there")
    func wrongDeclaration() throws {
        let xml = Fixtures.oioxml(text01: "Senfølger: ingen").replacingOccurrences(of: "UTF-8", with: "windows-1252")
        let letter = try #require(try LetterReader.read(Array(xml.utf8), path: "x.xml").first)
        #expect(letter.lines.first?.text.hasPrefix("Senf") == true)
    }

    @Test("a letter over the size limit is refused unread")
    func oversized() {
        let bytes = [UInt8](repeating: 0x61, count: 2_000_001)
        let error = try? LetterReader.read(bytes, path: "big.txt", options: ReadingOptions(maximumBytes: 2_000_000)).first
        #expect(error == nil)
        #expect(readError(bytes, path: "big.txt") == nil) // under the default limit it is read
    }

    @Test("a 50 MB letter is refused by the default limit without being read")
    func fiftyMegabytes() {
        let bytes = [UInt8](repeating: 0x61, count: 50 * 1024 * 1024)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(readError(bytes, path: "big.txt")?.message.contains("over the limit") == true)
        #expect(clock.now - started < .seconds(1))
    }

    @Test("a million <Break/> elements are read and judged in bounded time")
    func millionBreaks() throws {
        let xml = Fixtures.oioxml(text01: "Diagnose: Brystkræft (DC509)." + String(repeating: "<Break/>", count: 1_000_000) + "Plan: kontrol.")
        let clock = ContinuousClock()
        let started = clock.now
        let letter = try #require(try LetterReader.read(Array(xml.utf8), path: "breaks.xml").first)
        let extraction = Fixtures.extractor.extract(letter)
        #expect(extraction.isCancerLetter)
        #expect(clock.now - started < .seconds(60))
    }

    @Test("a letter with no ClinicalInformation is read and reported as having no clinical text")
    func noClinicalInformation() throws {
        let xml = Fixtures.oioxml(text01: "x").replacingOccurrences(of: "<ClinicalInformation><Text01>x</Text01></ClinicalInformation>", with: "")
        let letter = try #require(try LetterReader.read(Array(xml.utf8), path: "x.xml").first)
        #expect(letter.lines.isEmpty)
        let findings = Fixtures.engine.findings(letter: letter, extraction: Fixtures.extractor.extract(letter))
        #expect(findings.contains { $0.rule == "DQ-CLINICAL-TEXT" })
    }

    @Test("a lexicon pattern that could backtrack catastrophically is refused with its line")
    func pathologicalPattern() throws {
        let text = try String(contentsOf: Fixtures.rules.appendingPathComponent("lexicon/da.yml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"\\\\bsenfølge\\\\w*\"", with: "\"(a+)+$\"")
        #expect(broken != text)
        #expect {
            try LexiconLoader.load(yaml: broken, file: "da.yml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.line != nil && error.message.contains("unsafe regular expression")
        }
    }

    @Test("nested repetition is recognised", arguments: [("(a+)+", true), ("(\\w*\\s)*", true), ("(ab){2,}", false),
                                                         ("(a|b)+", false), ("a+b*", false), ("([a-z]+ ){0,3}", false)])
    func safety(_ pattern: String, _ unsafe: Bool) {
        #expect((PatternSafety.problem(in: pattern) != nil) == unsafe)
    }

    @Test("a letter that takes too long is stopped at the deadline")
    func deadline() throws {
        let letter = Fixtures.textLetter("Diagnose: Brystkræft (DC509).\n")
        #expect(throws: DeadlineExceeded.self) {
            try Fixtures.extractor.extract(letter, deadline: .after(.zero))
        }
        #expect((try? Fixtures.extractor.extract(letter, deadline: .after(.seconds(60)))) != nil)
    }
}
