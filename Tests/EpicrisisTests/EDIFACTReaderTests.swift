import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

@Suite("EDIFACT reader")
struct EDIFACTReaderTests {
    static let interchange = """
    UNA:+.? 'UNB+UNOC:3+5790000120420:14+5790000128686:14+981213:1202+K1++++0'
    UNH+B1+MEDDIS:D:93A:UN:D0133L+DIS01'BGM+EPI++9+NA'DTM+137:202405021120:203'
    NAD+SSP+8001071:SKS:SST++Testhospitalet:Kirurgisk Afdeling::::US'
    NAD+PO+033410:YNR:SFU++Lægehuset:::::US'
    PNA+PAT+0101585131:::CPR:IM+++SU:Testesen+FO:Test'
    DTM+90:202404220730:203'DTM+91:202404301100:203'
    CIN+A+DC182:SKS:SST:Kræft i colon ascendens'CIN+TR+KJFB30:SKS:SST:Hemikolektomi'
    FTX+NC+P00++.:Diagnose?: Kræft i colon.:Plan?: kontrol om 3 \\:mdr. i amb.:Bivirkninger?: \\'
    FTX+NC+P00++ingen.'
    UNT+12+B1'UNZ+1+K1'
    """

    /// MedCom's EDIFACT is ISO 8859-1 (UNOC).
    static func latin1(_ text: String) -> [UInt8] { Array(text.data(using: .isoLatin1)!) }

    @Test("segments, release characters, continuation lines and the letter model")
    func reads() throws {
        let letter = try #require(try EDIFACTReader().read(Self.latin1(Self.interchange), path: "x.edi").first)
        #expect(letter.format == .edifact)
        #expect(letter.type == .discharge)
        #expect(letter.sender.organisation == "Testhospitalet")
        #expect(letter.sender.department == "Kirurgisk Afdeling")
        #expect(letter.receiver.organisation == "Lægehuset")
        #expect(letter.patient.cpr == "0101585131")
        #expect(letter.patient.name == "Test Testesen")
        #expect(letter.dates.admission?.date.description == "2024-04-22")
        #expect(letter.dates.discharge?.date.description == "2024-04-30")
        #expect(letter.dates.authorisation?.date.description == "2024-05-02")
        #expect(letter.diagnoses.map(\.code) == ["DC182", "KJFB30"])
        #expect(letter.diagnoses.map(\.role) == [.main, .procedure])
        #expect(letter.lines.map(\.text) == ["Diagnose: Kræft i colon.", "Plan: kontrol om 3 mdr. i amb.", "Bivirkninger: ingen."])
        #expect(letter.lines[0].location.line == 8)
        #expect(letter.lines[0].location.element == "FTX 12")
    }

    @Test("format detection by content, whatever the file is called")
    func detection() {
        #expect(LetterReader.detectFormat(Array(Self.interchange.utf8)) == .edifact)
        #expect(LetterReader.detectFormat(Array("UNB+UNOC:3+1:14+2:14+981213:1202+K1'".utf8)) == .edifact)
        #expect(LetterReader.detectFormat(Array("  <?xml version=\"1.0\"?><a/>".utf8)) == .oioxml)
        #expect(LetterReader.detectFormat(Array("Epikrise\n".utf8)) == .text)
    }

    @Test("a cut-off interchange names the segment it broke in")
    func truncated() {
        let cut = String(Self.interchange.prefix(Self.interchange.count - 30))
        #expect {
            try EDIFACTReader().read(Array(cut.utf8), path: "cut.edi")
        } throws: { error in
            let error = error as! ReadError
            return error.line != nil && error.message.contains("no terminator")
        }
    }

    @Test("several messages in one interchange give several letters")
    func severalMessages() throws {
        let message = Self.interchange.components(separatedBy: "UNH+")[1].components(separatedBy: "UNZ")[0]
        let twice = Self.interchange.replacingOccurrences(of: "UNZ+1+K1'", with: "UNH+" + message + "UNZ+2+K1'")
        #expect(try EDIFACTReader().read(Array(twice.utf8), path: "x.edi").count == 2)
    }
}

/// MedCom's test messages come as EDIFACT and as the same letter in OIOXML: the twin is the oracle.
@Suite("EDIFACT against its OIOXML twin", .enabled(if: Fixtures.hasShared, "needs ../shared/medcom"))
struct EDIFACTTwinTests {
    static let messages = Fixtures.shared.appendingPathComponent("medcom/messages")
    static var pairs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: messages.path)) ?? [])
            .filter { $0.hasSuffix(".edi") }.map { String($0.dropLast(4)) }
            .filter { FileManager.default.fileExists(atPath: messages.appendingPathComponent($0 + ".xml").path) }.sorted()
    }

    func letters(_ name: String) throws -> (edi: Letter, xml: Letter) {
        let edi = try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent(name + ".edi")), path: name + ".edi")
        let xml = try LetterReader.read(Fixtures.bytes(Self.messages.appendingPathComponent(name + ".xml")), path: name + ".xml")
        return (try #require(edi.first), try #require(xml.first))
    }

    @Test("the same letter in every field both forms carry", arguments: pairs)
    func sameLetter(_ name: String) throws {
        let (edi, xml) = try letters(name)
        #expect(edi.type == xml.type)
        #expect(edi.patient.cpr == xml.patient.cpr)
        #expect(edi.patient.name == xml.patient.name)
        #expect(edi.sender.organisation == xml.sender.organisation)
        #expect(edi.sender.department == xml.sender.department)
        #expect(edi.receiver.organisation == xml.receiver.organisation)
        #expect(edi.dates.admission?.date == xml.dates.admission?.date)
        #expect(edi.dates.discharge?.date == xml.dates.discharge?.date)
        #expect(edi.dates.authorisation?.date == xml.dates.authorisation?.date)
        // Coded data: EDIFACT's CIN+DM side codes (laterality) have no counterpart in Diagnose.
        let coded = { (letter: Letter) in letter.diagnoses.filter { $0.role != .referral }.map { "\($0.code)/\($0.role.rawValue)" } }
        #expect(coded(edi) == coded(xml))
        // The text line by line; blank lines are layout.
        let text = { (letter: Letter) in letter.lines.map(\.text).filter { !$0.isEmpty } }
        #expect(text(edi) == text(xml))
    }

    @Test("the same checklist verdicts", arguments: pairs)
    func sameVerdicts(_ name: String) throws {
        let (edi, xml) = try letters(name)
        let judge = { (letter: Letter) in
            let extraction = Fixtures.extractor.extract(letter)
            return ChecklistItem.allCases.filter { $0 != .contact }.map { "\($0.rawValue)=\(extraction.judgement($0).status.rawValue)" }
        }
        // Contact is left out: only the OIOXML form carries the sender's telephone as a field.
        #expect(judge(edi) == judge(xml))
    }
}
