import Testing
@testable import Epicrisis
@testable import EpicrisisRules

/// The colour-consistency rules on letters, where the marking and the recommendation share a line.
@Suite("Colour consistency")
struct PriorityRuleTests {
    func rules(_ letter: Letter) -> [String] {
        Fixtures.engine.findings(letter: letter, extraction: Fixtures.extractor.extract(letter)).map(\.rule)
    }

    @Test("a green OIOXML letter whose Text01 is one line: its recommendation counts")
    func sameXMLLine() throws {
        let xml = Fixtures.oioxml(text01: "Prioritet: grøn<Break/>Anbefaling til egen læge: Pt. bestiller selv tid om 4 uger.<Break/>Diagnose: Pneumoni.")
        let letter = try #require(try Fixtures.xmlLetters(xml).first)
        #expect(!rules(letter).contains("XS-PRIORITY-RECOMMENDATION"))
    }

    @Test("marking and recommendation in one sentence")
    func sameSentence() {
        let letter = Fixtures.textLetter("Epikrisen er markeret grøn. Egen læge bedes fjerne suturer om 12 dage.\n")
        #expect(!rules(letter).contains("XS-PRIORITY-RECOMMENDATION"))
    }

    @Test("green with no recommendation, and white with one, are findings")
    func inconsistent() {
        #expect(rules(Fixtures.textLetter("Prioritet: grøn\nDiagnose: Pneumoni.\n")).contains("XS-PRIORITY-RECOMMENDATION"))
        #expect(rules(Fixtures.textLetter("Hvid epikrise\nEgen læge bedes kontrollere natrium om 1 uge.\n")).contains("XS-PRIORITY-RECOMMENDATION"))
        #expect(!rules(Fixtures.textLetter("Hvid epikrise – ingen opfølgning hos egen læge\n")).contains("XS-PRIORITY-RECOMMENDATION"))
    }
}
