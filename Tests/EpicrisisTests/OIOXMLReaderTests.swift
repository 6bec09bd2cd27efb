import Foundation
import Testing
@testable import Epicrisis

@Suite("OIOXML reader")
struct OIOXMLReaderTests {
    @Test("reads the header, the coded diagnoses with their roles, and the dates")
    func header() throws {
        let extra = """
        <Diagnose><Main><DiagnoseCode>DC182</DiagnoseCode><DiagnoseText>Kræft i colon ascendens</DiagnoseText></Main>
        <MainAdditional><DiagnoseCode>DC787</DiagnoseCode></MainAdditional>
        <Other><DiagnoseDescriptionCode>operation</DiagnoseDescriptionCode><DiagnoseCode>KJFB30</DiagnoseCode></Other>
        <Other><DiagnoseDescriptionCode>bidiagnose</DiagnoseDescriptionCode><DiagnoseCode>DI109</DiagnoseCode></Other></Diagnose>
        """
        let letter = try #require(try Fixtures.xmlLetters(Fixtures.oioxml(text01: "Tekst", extra: extra)).first)
        #expect(letter.format == .oioxml)
        #expect(letter.type == .discharge)
        #expect(letter.status == "nytbrev")
        #expect(letter.sender.organisation == "Testhospitalet")
        #expect(letter.sender.department == "Kirurgisk Afdeling")
        #expect(letter.sender.phone == "70 10 20 30")
        #expect(letter.receiver.organisation == "Lægehuset")
        #expect(letter.patient.cpr == "0101585131")
        #expect(letter.patient.name == "Test Testesen")
        #expect(letter.dates.admission?.date.description == "2024-04-22")
        #expect(letter.dates.discharge?.date.description == "2024-04-30")
        #expect(letter.dates.authorisation?.date.description == "2024-05-02")
        #expect(letter.diagnoses.map(\.code) == ["DC182", "DC787", "KJFB30", "DI109"])
        #expect(letter.diagnoses.map(\.role) == [.main, .mainAdditional, .procedure, .other])
        #expect(letter.mainDiagnosis?.text == "Kræft i colon ascendens")
    }

    @Test("Text01 is split at <Break/>; a bold line is a likely heading; each line knows its offset")
    func text01() throws {
        let text = "<Bold>Diagnose</Bold><Break/>Brystkræft (DC509).<Break/><Break/>Plan:<Space/>kontrol<Break/>"
        let letter = try #require(try Fixtures.xmlLetters(Fixtures.oioxml(text01: text)).first)
        #expect(letter.lines.map(\.text) == ["Diagnose", "Brystkræft (DC509).", "", "Plan: kontrol"])
        #expect(letter.lines.map(\.isEmphasised) == [true, false, false, false])
        #expect(letter.lines[1].location.column == 10)
        #expect(letter.lines[1].location.element == "Text01")
        #expect(letter.lines[3].location.column == 31)
        #expect(letter.lines[0].location.line == 14)
    }

    /// Lines are read eight bytes at a time where they can be: the columns must count characters
    /// (scalars) however the bytes of æ, €, 😀 or a no-break space fall across those eight, and
    /// a line all in `<Bold>` must be emphasised.
    @Test("columns count characters and bold lines are emphasised, whatever bytes the characters take")
    func text01Columns() throws {
        let pieces = ["a", "b", "Kræft", "ø", "å", "é", "€", "😀", " ", "\u{A0}", "x y", "12", ".", "-", "ÆØÅ", "e\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var segments: [(text: String, bold: Bool)] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                // Letters at both ends, so that the line is the segment as written, untrimmed.
                segments.append(("k" + generator.text(lengths: 0...40, of: pieces) + "t", Bool.random(using: &generator)))
            }
            // Lines end at a break or at a newline in the text; either counts as one character.
            let content = segments.map { $0.bold ? "<Bold>\($0.text)</Bold>" : $0.text }
                .reduce("") { $0.isEmpty ? $1 : $0 + (Bool.random(using: &generator) ? "<Break/>" : "\n") + $1 }
            let letter = try #require(try Fixtures.xmlLetters(Fixtures.oioxml(text01: content)).first)
            #expect(letter.lines.map(\.text) == segments.map(\.text), "\(content)")
            #expect(letter.lines.map(\.isEmphasised) == segments.map(\.bold), "\(content)")
            var start = 0
            for (line, segment) in zip(letter.lines, segments) {
                #expect(line.location.column == start + 1, "\(segment.text) in \(content)")
                start += segment.text.unicodeScalars.count + 1
            }
        }
    }

    /// A thread reads its letters with one parser context and one pair of tree buffers: a letter
    /// must read the same after any other, whatever that one was.
    @Test("a letter reads the same after a windows-1252 letter, a malformed one or a larger one")
    func parserCarriesNothingOver() throws {
        func latin1(_ xml: String, declaring encoding: String) -> [UInt8] {
            xml.replacingOccurrences(of: "UTF-8", with: encoding).unicodeScalars.map { UInt8($0.value) }
        }
        let reader = OIOXMLReader()
        // Converted to UTF-8 before parsing, its declaration then ignored: the next letter's is not.
        let windows1252 = latin1(Fixtures.oioxml(text01: "Kræft i tyktarmen"), declaring: "windows-1252")
        let iso88591 = latin1(Fixtures.oioxml(text01: "Senfølger: ingen"), declaring: "ISO-8859-1")
        let malformed = Array(Fixtures.oioxml(text01: "<Bold>Diagnose</Break/>").utf8)
        let larger = Array(Fixtures.oioxml(text01: Array(repeating: "Linje med æ, ø og å", count: 2_000).joined(separator: "<Break/>")).utf8)
        let small = Array(Fixtures.oioxml(text01: "Plan:<Space/>kontrol").utf8)

        let alone = try reader.read(iso88591, path: "alone.xml").first?.lines.map(\.text)
        #expect(alone == ["Senfølger: ingen"])
        #expect(try reader.read(windows1252, path: "a.xml").first?.lines.map(\.text) == ["Kræft i tyktarmen"])
        #expect(try reader.read(iso88591, path: "b.xml").first?.lines.map(\.text) == alone)
        #expect(throws: ReadError.self) { try reader.read(malformed, path: "c.xml") }
        #expect(try reader.read(small, path: "d.xml").first?.lines.map(\.text) == ["Plan: kontrol"])
        #expect(try reader.read(larger, path: "e.xml").first?.lines.count == 2_000)
        let after = try #require(try reader.read(small, path: "f.xml").first)
        #expect(after.lines.map(\.text) == ["Plan: kontrol"])
        #expect(after.sender.organisation == "Testhospitalet")
        #expect(after.lines.first?.location.line == 14)
        // An entity declared in one letter's DTD is not declared in the next.
        let usesEntity = Fixtures.oioxml(text01: "Om &x;")
        let declaresEntity = usesEntity.replacingOccurrences(of: "?>\n<Emessage", with: "?>\n<!DOCTYPE Emessage [<!ENTITY x \"kræft\">]>\n<Emessage")
        #expect(try reader.read(Array(declaresEntity.utf8), path: "g.xml").first?.lines.map(\.text) == ["Om"])
        #expect(throws: ReadError.self) { try reader.read(Array(usesEntity.utf8), path: "h.xml") }
    }

    @Test("a thread's parser is renewed once its dictionary holds too many names, and reads on")
    func parserRenewed() throws {
        let before = try #require(ThreadParser.current)
        let names = (0...50_000).map { "<N\($0)/>" }.joined()
        let manyNames = Fixtures.oioxml(text01: "Før", extra: "<Extra>\(names)</Extra>")
        #expect(try OIOXMLReader().read(Array(manyNames.utf8), path: "many.xml").first?.lines.map(\.text) == ["Før"])
        let renewed = ThreadParser.current
        #expect(renewed !== before)
        let small = Array(Fixtures.oioxml(text01: "Plan:<Space/>kontrol").utf8)
        #expect(try OIOXMLReader().read(small, path: "small.xml").first?.lines.map(\.text) == ["Plan: kontrol"])
        #expect(ThreadParser.current === renewed)
    }

    @Test("any rep.oio.dk namespace version; elements matched by local name", arguments: [
        "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/",
        "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2012/03/28/",
    ])
    func namespaces(_ namespace: String) throws {
        let letter = try #require(try Fixtures.xmlLetters(Fixtures.oioxml(text01: "Hej", namespace: namespace)).first)
        #expect(letter.namespace == namespace)
        #expect(letter.lines.map(\.text) == ["Hej"])
    }

    @Test("letter types by root element; an unknown type is read, not rejected", arguments: [
        ("OutPatientDischargeLetter", LetterType.discharge), ("CasualtyWardLetter", .discharge),
    ])
    func roots(_ root: String, _ type: LetterType) throws {
        // The TypeCode inside says XDIS01; it wins over the element name.
        let letter = try #require(try Fixtures.xmlLetters(Fixtures.oioxml(text01: "x", root: root)).first)
        #expect(letter.type == type)
        let unknown = Fixtures.oioxml(text01: "x", root: "FutureLetter").replacingOccurrences(of: "<TypeCode>XDIS01</TypeCode>", with: "")
        #expect(try Fixtures.xmlLetters(unknown).first?.type == .other("FutureLetter"))
    }

    @Test("several letters in one Emessage give several letters")
    func severalLetters() throws {
        let one = Fixtures.oioxml(text01: "Første")
        let letterElement = one.components(separatedBy: "<DischargeLetter>")[1].components(separatedBy: "</DischargeLetter>")[0]
        let two = one.replacingOccurrences(of: "</DischargeLetter>", with: "</DischargeLetter><DischargeLetter>"
            + letterElement.replacingOccurrences(of: "Første", with: "Anden") + "</DischargeLetter>")
        let letters = try Fixtures.xmlLetters(two)
        #expect(letters.map { $0.lines.first?.text } == ["Første", "Anden"])
    }

    @Test("windows-1252 from the prolog")
    func windows1252() throws {
        let xml = Fixtures.oioxml(text01: "Senfølger: ingen").replacingOccurrences(of: "UTF-8", with: "windows-1252")
        let bytes = Array(xml.data(using: .windowsCP1252)!)
        let letter = try #require(try OIOXMLReader().read(bytes, path: "x.xml").first)
        #expect(letter.lines.first?.text == "Senfølger: ingen")
        #expect(letter.receiver.organisation == "Lægehuset")
    }

    @Test("malformed XML names the line and column")
    func malformed() {
        let xml = "<?xml version=\"1.0\"?>\n<Emessage>\n  <Letter>\n</Emessage>\n"
        #expect {
            try OIOXMLReader().read(Array(xml.utf8), path: "bad.xml")
        } throws: { error in
            let error = error as! ReadError
            return error.file == "bad.xml" && error.line == 4 && error.column != nil && error.message.contains("mismatch")
        }
    }

    @Test("a configured element carries the colour marking of newer MedCom versions")
    func structuredPriority() throws {
        let xml = Fixtures.oioxml(text01: "x", extra: "<FollowUp><Priority>gul</Priority></FollowUp>")
        let options = ReadingOptions(priorityElementPath: ["FollowUp", "Priority"])
        let letter = try #require(try Fixtures.xmlLetters(xml, options: options).first)
        #expect(letter.structuredPriority?.text == "gul")
        #expect(Fixtures.extractor.extract(letter).priority?.colour == .yellow)
    }

    @Test("XML comments carry suppressions")
    func suppressions() throws {
        let xml = Fixtures.oioxml(text01: "x").replacingOccurrences(of: "<Emessage", with: "<!-- epicheck-disable XS-CONTACT: skabelon -->\n<Emessage")
        let letter = try #require(try Fixtures.xmlLetters(xml).first)
        #expect(letter.suppressions.map(\.rule) == ["XS-CONTACT"])
        #expect(letter.suppressions.first?.reason == "skabelon")
    }
}

/// Hostile input read in-process; that libxml2 prints nothing is checked on the built binary
/// in `CommandLineTests`, where its standard error can be read on its own.
@Suite("Hostile XML")
struct HostileXMLTests {
    static func externalEntityLetter(pointingAt path: String) -> String {
        Fixtures.oioxml(text01: "Før &xxe; efter")
            .replacingOccurrences(of: "<Emessage", with: "<!DOCTYPE Emessage [<!ENTITY xxe SYSTEM \"file://\(path)\">]>\n<Emessage")
    }

    static var entityBomb: String {
        var doctype = "<!DOCTYPE Emessage [<!ENTITY a0 \"haha\">"
        for level in 1...12 { doctype += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        doctype += "]>\n"
        return Fixtures.oioxml(text01: "&a12;").replacingOccurrences(of: "<Emessage", with: doctype + "<Emessage")
    }

    @Test("an external entity pointing at a local file is not expanded")
    func externalEntity() throws {
        let secret = NSTemporaryDirectory() + "epicheck-secret-\(UUID().uuidString)"
        try "TOPSECRET".write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        do {
            let letters = try Fixtures.xmlLetters(Self.externalEntityLetter(pointingAt: secret))
            let text = letters.flatMap(\.lines).map(\.text).joined(separator: "\n")
            #expect(!text.contains("TOPSECRET"))
            #expect(text.contains("Før"))
        } catch {
            #expect(!"\(error)".contains("TOPSECRET"))
        }
    }

    @Test("an entity-expansion bomb ends quickly, refused or unexpanded")
    func billionLaughs() {
        let clock = ContinuousClock()
        let started = clock.now
        let result = Result { try Fixtures.xmlLetters(Self.entityBomb) }
        #expect(clock.now - started < .seconds(5))
        switch result {
        case .failure(let error): #expect(error is ReadError)
        case .success(let letters): #expect(letters.flatMap(\.lines).map(\.text.count).reduce(0, +) < 1000)
        }
    }

    /// libxml2 parses an entity's value at its first reference and keeps it on the entity; a
    /// value left unkept would be parsed again at every reference (here four million times).
    @Test("an entity referenced thousands of times is read quickly, its value parsed once")
    func manyReferences() {
        let value = String(repeating: "&d;", count: 2_000)
        let xml = Fixtures.oioxml(text01: String(repeating: "&e;", count: 2_000))
            .replacingOccurrences(of: "<Emessage", with: "<!DOCTYPE Emessage [<!ENTITY d \"x\"><!ENTITY e \"\(value)\">]>\n<Emessage")
        let clock = ContinuousClock()
        let started = clock.now
        let result = Result { try Fixtures.xmlLetters(xml) }
        #expect(clock.now - started < .seconds(2))
        #expect((try? result.get())?.count == 1)
    }

    @Test("a DTD that points to the network is not fetched")
    func networkDTD() throws {
        let xml = Fixtures.oioxml(text01: "Tekst")
            .replacingOccurrences(of: "<Emessage", with: "<!DOCTYPE Emessage SYSTEM \"http://203.0.113.1/evil.dtd\">\n<Emessage")
        let clock = ContinuousClock()
        let started = clock.now
        let letters = try Fixtures.xmlLetters(xml)
        #expect(clock.now - started < .seconds(2))
        #expect(letters.first?.lines.first?.text == "Tekst")
    }

    @Test("deep nesting is refused with an error, not a crash")
    func deepNesting() {
        let xml = "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: ReadError.self) { try OIOXMLReader().read(Array(xml.utf8), path: "deep.xml") }
    }
}
