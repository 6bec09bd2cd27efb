import Testing
@testable import Epicrisis

@Suite("Plain-text reader")
struct PlainTextReaderTests {
    static let letter = """
    AMBULANT EPIKRISE

    Afsender:      Onkologisk Afdeling, Ambulatorium O2, Testhospitalet,
                   Sygehusvej 10, 8200 Aarhus N, tlf. 7845 6200
    Modtager:      Lægerne Vestergade, Vestergade 41, 8600 Silkeborg
    Patient:       Test Testesen, CPR 010158-5131
    Første besøg:  12.09.2023      Sidste besøg: 18.06.2024
    Dato:          19.06.2024

    Diagnose: Brystkræft (DC504).
    """

    @Test("reads the header block: kind, sender, receiver, patient, dates")
    func header() throws {
        let letter = Fixtures.textLetter(Self.letter)
        #expect(letter.format == .text)
        #expect(letter.type == .outpatient)
        #expect(letter.sender.department == "Onkologisk Afdeling")
        #expect(letter.sender.organisation == "Testhospitalet")
        #expect(letter.sender.phone == "7845 6200")
        #expect(letter.receiver.organisation == "Lægerne Vestergade")
        #expect(letter.patient.name == "Test Testesen")
        #expect(letter.patient.cpr == "010158-5131")
        #expect(letter.patient.location == SourceLocation(line: 6, column: 16))
        #expect(letter.dates.admission?.date.description == "2023-09-12")
        #expect(letter.dates.discharge?.date.description == "2024-06-18")
        #expect(letter.dates.authorisation?.date.description == "2024-06-19")
    }

    @Test("keeps every line with its line and column")
    func locations() {
        let letter = Fixtures.textLetter("Titel\n\n   Indrykket linje\nDiagnose: X")
        #expect(letter.lines.map(\.text) == ["Titel", "", "Indrykket linje", "Diagnose: X"])
        #expect(letter.lines[2].location == SourceLocation(line: 3, column: 4))
    }

    @Test("CRLF and CR line endings, and a byte-order mark")
    func lineEndings() {
        let crlf = try! PlainTextReader().read(Array("\u{FEFF}A\r\nB\rC\n".utf8), path: "x.txt")
        #expect(crlf.lines.map(\.text) == ["A", "B", "C"])
    }

    @Test("windows-1252 bytes that are not UTF-8 are read as windows-1252, UTF-8 around them kept")
    func mixedEncoding() throws {
        var bytes = Array("Senf".utf8) + [0xF8] + Array("lger: ingen. Læge".utf8) + [0x96, 0x80]
        bytes += Array(" ok".utf8)
        let letter = try PlainTextReader().read(bytes, path: "x.txt")
        #expect(letter.lines[0].text == "Senfølger: ingen. Læge–€ ok")
    }

    @Test("CPR written with or without a hyphen", arguments: [
        ("Pt.: Test Testesen    CPR: 0101585131", "0101585131"),
        ("Vedr.: Test Testesen, cpr.nr. 010158-5131", "010158-5131"),
        ("Patient: Test Testesen, 010158-5131, Grønnegade 4", "010158-5131"),
    ])
    func cprForms(_ line: String, _ expected: String) {
        let letter = Fixtures.textLetter("Epikrise\n\n" + line + "\n")
        #expect(letter.patient.cpr == expected)
        #expect(letter.patient.name == "Test Testesen")
    }

    @Test("date ranges on one line", arguments: [
        "Indlagt 07.05.2024 - udskrevet 09.05.2024",
        "Indlagt: 07.05.2024 kl. 22.14 - udskrevet: 09.05.2024",
        "Indl. 07-05-2024 - udskr. 2024-05-09",
        "Indlagt:   7. maj 2024     Udskrevet: 9. maj 2024",
    ])
    func dateRanges(_ line: String) {
        let letter = Fixtures.textLetter("Epikrise\n" + line + "\n")
        #expect(letter.dates.admission?.date.description == "2024-05-07")
        #expect(letter.dates.discharge?.date.description == "2024-05-09")
    }

    @Test("an empty file or binary data is an error with a place")
    func emptyAndBinary() {
        #expect(throws: ReadError.self) { try PlainTextReader().read([], path: "x.txt") }
        #expect(throws: ReadError.self) { try PlainTextReader().read([0x00, 0x01, 0x02, 0x41], path: "x.txt") }
    }

    @Test("suppression comments are read and are not letter text")
    func suppressions() {
        let letter = Fixtures.textLetter("Diagnose: X\nepicheck-disable DSAM-STAGE: stadie afventer patologi\n")
        #expect(letter.suppressions == [Suppression(rule: "DSAM-STAGE", reason: "stadie afventer patologi",
                                                    location: SourceLocation(line: 2, column: 1))])
        #expect(letter.lines[1].text.isEmpty)
    }
}

@Suite("Danish dates")
struct DanishDateTests {
    @Test("the ways letters write dates", arguments: [
        ("12.03.2024", "2024-03-12"), ("12-03-2024", "2024-03-12"), ("2024-03-12", "2024-03-12"),
        ("12. marts 2024", "2024-03-12"), ("12/3-2024", "2024-03-12"), ("12.03.24", "2024-03-12"),
        ("1. jan. 2025", "2025-01-01"),
    ])
    func forms(_ text: String, _ iso: String) {
        #expect(DanishDate.parse(text)?.description == iso)
    }

    @Test("impossible dates are not dates", arguments: ["31.02.2024", "00.01.2024", "12.13.2024"])
    func impossible(_ text: String) {
        #expect(DanishDate.parse(text) == nil)
    }
}
