import Testing
@testable import Epicrisis

@Suite("Colour marking")
struct PriorityMarkingTests {
    @Test("every spelling of the marking", arguments: [
        ("Prioritet: grøn", PriorityColour.green), ("Markering: GUL", .yellow), ("[GRØN]", .green), ("Farvekode: rød", .red),
        ("Rød epikrise", .red), ("GUL EPIKRISE", .yellow), ("Epikrise-farve: HVID", .white), ("RØD", .red),
        ("Epikrisen er markeret hvid.", .white), ("Gul markering: Egen læge bedes …", .yellow), ("Markeret: hvid", .white),
        ("Prioritet: Gron", .green), ("Farvemarkering: gul", .yellow),
    ])
    func spellings(_ line: String, _ colour: PriorityColour) {
        let extraction = Fixtures.extract("Epikrise\n\n\(line)\nEgen læge bedes se pt.\n")
        #expect(extraction.priority?.colour == colour)
        #expect(extraction.priority?.evidence.location.line == 3)
    }

    @Test("colour words in clinical text are not markings", arguments: [
        "Let rødme omkring arret.", "Pt. indlagt med gul farvning af huden og kløe.", "Kendt med grøn stær (glaukom).",
        "Patient: Test Testesen, Grønnegade 4, 8900 Randers", "Ingen rødme eller hævelse.", "Rødt blod i afføringen.",
        "Behandlet med antikoagulantia.", "Hvide blodlegemer 12.",
    ])
    func clinicalColourWords(_ line: String) {
        #expect(Fixtures.extract("Epikrise\n\n\(line)\n").priority == nil)
    }

    @Test("two colours: the first in reading order is the letter's, the second a conflict")
    func twoColours() {
        let extraction = Fixtures.extract("RØD\nKontrol om 4 uger.\n\nDiagnose: X\n\nMarkering: GUL\n")
        #expect(extraction.priority?.colour == .red)
        #expect(extraction.conflictingPriorities.map(\.colour) == [.yellow])
        #expect(extraction.conflictingPriorities.first?.evidence.location.line == 6)
    }

    @Test("the time frame near the marking, in weekdays", arguments: [
        ("Egen læge bedes se pt. inden for 1-2 hverdage.", 2), ("Kontrol hos egen læge om 4 uger.", 20),
        ("Egen læge bedes se pt. i morgen.", 1), ("inden for 14 dage", 10), ("om ca. 3 mdr.", 63),
    ])
    func timeFrame(_ sentence: String, _ weekdays: Int) {
        #expect(Fixtures.extract("Rød epikrise\n\(sentence)\n").timeFrame?.maximumWeekdays == weekdays)
    }

    @Test("who makes contact")
    func contactDirection() {
        let selfContact = Fixtures.extract("Gul epikrise\nPt. kontakter selv egen læge inden for 14 dage.\n")
        #expect(selfContact.selfContact != nil)
        #expect(selfContact.gpReachesOut == nil)
        let outreach = Fixtures.extract("Gul epikrise\nPt. forventes ikke selv at tage kontakt. Egen læge bedes kontakte pt.\n")
        #expect(outreach.gpReachesOut != nil)
        #expect(outreach.selfContact == nil)
    }
}

@Suite("Cancer letters")
struct CancerDetectionTests {
    @Test("cancer wording or codes make a cancer letter", arguments: [
        "Diagnose: Brystkræft, ve. mamma.", "Diagnose: Adenokarcinom i colon.", "Kendt metastatisk prostatacancer.",
        "Diagnose: Diffust storcellet B-celle lymfom.", "Akut myeloid leukæmi.", "St.p. mammacancer 2015.",
        "Diagnose: Tumor i blæren (DC679).", "Malignt melanom på ryggen.",
    ])
    func cancer(_ line: String) {
        #expect(Fixtures.extract("Epikrise\n\(line)\n").isCancerLetter)
    }

    @Test("negated, ruled out, suspected or someone else's cancer does not", arguments: [
        "Histologi: benign polyp, ingen atypi eller malignitet.", "CT thorax var uden tegn på lungekræft.",
        "Kræftmistanken er dermed afkræftet.", "Kontrolrøntgen om 6 uger mhp. at udelukke malignitet.",
        "Disposition: Bror behandlet for prostatakræft.", "Mor havde tyktarmskræft.", "Henvist i pakkeforløb for kræft i livmoderen.",
        "Knoglemarvsundersøgelsen bekræftede anæmi.", "Obs. for kræft i livmoderen.", "Mistanke om lymfom, udredes videre.",
    ])
    func notCancer(_ line: String) {
        #expect(!Fixtures.extract("Epikrise\n\(line)\n").isCancerLetter)
    }

    @Test("a cancer code in the coded diagnoses makes a cancer letter; a referral code does not")
    func codes() throws {
        let coded = Fixtures.oioxml(text01: "Tekst", extra: "<Diagnose><Main><DiagnoseCode>DR339</DiagnoseCode></Main><Other><DiagnoseCode>DC619</DiagnoseCode></Other></Diagnose>")
        #expect(Fixtures.extractor.extract(try #require(try Fixtures.xmlLetters(coded).first)).isCancerLetter)
        let referral = Fixtures.oioxml(text01: "Tekst", extra: "<Referral><Refer><DiagnoseCode>DC541</DiagnoseCode></Refer></Referral>")
        #expect(!Fixtures.extractor.extract(try #require(try Fixtures.xmlLetters(referral).first)).isCancerLetter)
    }

    @Test("SKS cancer ranges", arguments: [("DC509", true), ("DD059", true), ("DD379", true), ("DZ858", true), ("DD509", false), ("DC98", false), ("DI109", false)])
    func ranges(_ code: String, _ cancer: Bool) {
        #expect(SKSCode.isCancer(code) == cancer)
    }
}

@Suite("Sections and items")
struct ItemJudgementTests {
    static let cancer = "Diagnose: Brystkræft (DC509).\n"

    func status(_ text: String, _ item: ChecklistItem) -> ItemStatus {
        Fixtures.extract(Self.cancer + text).judgement(item).status
    }

    @Test("heading styles", arguments: ["Senfølger: Risiko for lymfødem.", "SENFØLGER\nRisiko for lymfødem.",
                                         "6. Senfølger\nRisiko for lymfødem.", "Senfolger: lymfødem kan forekomme.",
                                         "Senfølger - lymfødem kan forekomme."])
    func headingStyles(_ text: String) {
        #expect(status(text, .lateEffects) == .present)
    }

    @Test("a bold line is a heading in OIOXML")
    func boldHeading() throws {
        let xml = Fixtures.oioxml(text01: "Brystkræft (DC509).<Break/><Bold>Senfølger</Bold><Break/>Risiko for lymfødem.<Break/><Bold>Kontakt</Bold><Break/>Ring til os")
        let extraction = Fixtures.extractor.extract(try #require(try Fixtures.xmlLetters(xml).first))
        let judgement = extraction.judgement(.lateEffects)
        #expect(judgement.status == .present)
        #expect(judgement.evidence.first?.section == "Senfølger")
    }

    @Test("a negative statement counts as present", arguments: [
        ("Bivirkninger: ingen", ChecklistItem.sideEffects), ("Der forventes ingen senfølger.", .lateEffects),
        ("Ingen postoperative komplikationer.", .sideEffects), ("Ukompliceret postoperativt forløb.", .sideEffects),
    ])
    func negativeStatements(_ text: String, _ item: ChecklistItem) {
        #expect(status(text, item) == .present)
    }

    @Test("a colon answer negates backwards")
    func colonAnswer() {
        let evidence = Fixtures.extract(Self.cancer + "Bivirkninger: ingen").judgement(.sideEffects).evidence.first
        #expect(evidence?.polarity == .negated)
        #expect(evidence?.location == SourceLocation(line: 2, column: 15))
    }

    @Test("empty headings, placeholders and a dash are missing, and say where", arguments: [
        "Senfølger:\nAlarmsymptomer: nye knuder.", "Senfølger: [udfyldes]", "Senfølger: {{senfølger}}", "Senfølger: XXX",
        "Senfølger: …", "Senfølger: -", "Senfølger:\n\nPlan: kontrol om 3 mdr. i amb.",
    ])
    func emptyHeadings(_ text: String) {
        let judgement = Fixtures.extract(Self.cancer + text).judgement(.lateEffects)
        #expect(judgement.status == .missing)
        #expect(judgement.emptyHeadings.first?.location.line == 2)
    }

    @Test("one heading for two items needs each item's own words; acute is not late")
    func sharedHeading() {
        let acute = Fixtures.extract(Self.cancer + "Bivirkninger/senfølger\nUnder kemoterapien kvalme grad 1 og hårtab.")
        #expect(acute.judgement(.sideEffects).status == .present)
        #expect(acute.judgement(.lateEffects).status == .missing)
        let both = Fixtures.extract(Self.cancer + "Senfølger og bivirkninger:\nUnder strålebehandlingen svie. Mulige senfølger: rejsningsbesvær.")
        #expect(both.judgement(.lateEffects).status == .present)
    }

    @Test("a parent heading followed by its sub-headings is not empty")
    func parentHeading() {
        let judgement = Fixtures.extract(Self.cancer + "BIVIRKNINGER/SENFØLGER\nBivirkninger: ingen.\nDer forventes ingen senfølger.").judgement(.sideEffects)
        #expect(judgement.status == .present)
        #expect(judgement.emptyHeadings.isEmpty)
    }

    @Test("items stated in running prose, without headings")
    func prose() {
        let text = "71-årig mand, som blev udredt i pakkeforløb efter blødning. Opereret med lav anterior resektion. "
            + "Det postoperative forløb var kompliceret af urinretention. Der er risiko for seksuelle gener. "
            + "Pt. indkaldes til kontrol i kirurgisk amb. om 3 mdr. Pt. er informeret om planen. Stomisygeplejerske kan kontaktes på tlf. 5572 1840."
        let extraction = Fixtures.extract(Self.cancer + text)
        for item in [ChecklistItem.courseSummary, .treatment, .sideEffects, .lateEffects, .followUpPlan, .patientInformed, .contact] {
            #expect(extraction.judgement(item).status == .present, "\(item)")
        }
        for item in [ChecklistItem.recurrenceAlarmSymptoms, .recurrenceWorkup, .responsibility, .gpRecommendation] {
            #expect(extraction.judgement(item).status == .missing, "\(item)")
        }
    }

    @Test("stage in its many forms", arguments: ["pT2 N1a M0", "stadie IIIA", "FIGO stadie IIIC", "Ann Arbor stadie IIB",
                                                 "CT uden fjernmetastaser.", "lokalt avanceret", "gunstig risikogruppe (ELN 2022)",
                                                 "glioblastom, WHO grad 4"])
    func stage(_ text: String) {
        #expect(status("Stadie og udbredning:\n" + text, .stage) == .present || status(text, .stage) == .present)
        #expect(status(text, .stage) == .present)
    }

    @Test("a plan is not a responsibility; a named holder is", arguments: [
        ("Kontrol i amb. om 3 mdr.", ItemStatus.missing), ("Pt. afsluttes fra amb.", .missing),
        ("Onkologisk afd. har behandlingsansvaret.", .present), ("Kontrolforløbet varetages af onkologisk amb.", .present),
        ("Herefter overtager egen læge PSA-kontrollerne.", .present), ("Onkologisk afd. er orienteret.", .missing),
    ])
    func responsibility(_ text: String, _ expected: ItemStatus) {
        #expect(status(text, .responsibility) == expected)
    }

    @Test("safety-net advice to the patient is not a recommendation to the GP", arguments: [
        ("Søg læge ved feber.", ItemStatus.missing), ("Ved forværring kontakt vagtlægen.", .missing),
        ("Egen læge bedes fjerne suturer om 12 dage.", .present), ("Suturfjernelse hos egen læge om 14 dage.", .present),
        ("Egen læge: ingen særlige opgaver.", .present),
    ])
    func recommendation(_ text: String, _ expected: ItemStatus) {
        #expect(status(text, .gpRecommendation) == expected)
    }

    @Test("a white marking is the statement that the GP has no task")
    func white() {
        #expect(Fixtures.extract("Hvid epikrise\n").judgement(.gpRecommendation).status == .present)
    }

    @Test("contact needs a way to reach someone", arguments: [
        ("Kontakt: tlf. 7845 6210", ItemStatus.present), ("Spørgsmål kan rettes til afdelingen.", .missing),
        ("onko.amb@hospital.dk", .present), ("direkte nr. 7940 3310", .present), ("Venlig hilsen\nDr. Hansen", .missing),
    ])
    func contact(_ text: String, _ expected: ItemStatus) {
        #expect(status(text, .contact) == expected)
    }

    @Test("DSAM items are not applicable to letters without cancer")
    func notApplicable() {
        let extraction = Fixtures.extract("Diagnose: Pneumoni (DJ189).\n")
        #expect(ChecklistItem.dsam.allSatisfy { extraction.judgement($0).status == .notApplicable })
        #expect(extraction.judgement(.contact).status == .missing)
    }

    @Test("the main diagnosis of a text letter is the first code by the diagnosis")
    func mainDiagnosis() {
        #expect(Fixtures.extract("Operation: KKEC01\nDiagnose: Prostatakræft (DC619)\n").mainDiagnosisCode == "DC619")
        #expect(Fixtures.extract("Diagnoser: Urosepsis (DA419, DN390). Delirium (DF059).\n").mainDiagnosisCode == "DA419")
        #expect(Fixtures.extract("Pt. har tarmkræft.\n").mainDiagnosisCode == nil)
    }

    @Test("treatments by modality, with where they are named")
    func treatments() {
        let extraction = Fixtures.extract(Self.cancer + "Lumpektomi 04.09.2023.\nAdjuverende kemoterapi.\nStrålebehandling 50 Gy.\nLetrozol 2,5 mg.\n")
        let modalities = Set(extraction.treatments.map(\.modality))
        #expect(modalities.isSuperset(of: ["surgery", "chemotherapy", "radiotherapy", "endocrine"]))
        #expect(extraction.treatments.first { $0.modality == "radiotherapy" }?.evidence.location.line == 4)
    }
}

@Suite("Negation and uncertainty")
struct ContextTests {
    func polarity(_ sentence: String, _ term: String) -> Polarity {
        let folded = FoldedText(sentence)
        let range = (folded.text as NSString).range(of: TextFolding.fold(term))
        return ContextAnalyzer(cues: Fixtures.lexicon.context).polarity(of: range, in: folded)
    }

    @Test("cues and their scope", arguments: [
        ("Ingen feber, kvalme eller smerter.", "smerter", Polarity.negated),
        ("Ingen feber, men smerter i ryggen.", "smerter", .affirmed),
        ("Pt. har ikke feber. Smerter i ryggen.", "smerter", .affirmed),
        ("Mistanke om lungebetændelse.", "lungebetændelse", .uncertain),
        ("Malignitet kan ikke udelukkes.", "malignitet", .uncertain),
        ("Hvis ikke bedring, kontakt afdelingen.", "kontakt", .hypothetical),
        ("Mor havde brystkræft.", "brystkræft", .otherPerson),
        ("Malignitet afkræftet.", "malignitet", .negated),
        ("Hverken feber eller smerter.", "smerter", .negated),
    ])
    func cues(_ sentence: String, _ term: String, _ expected: Polarity) {
        #expect(polarity(sentence, term) == expected)
    }
}

import Foundation
