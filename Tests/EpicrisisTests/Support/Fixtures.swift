import Epicrisis
import EpicrisisRules
import Foundation

/// Paths and shared, loaded-once objects for the tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rules = root.appendingPathComponent("rules")
    static let samples = root.appendingPathComponent("samples")

    /// `../shared` beside the checkout: MedCom's messages and schemas, the annotated corpus.
    /// Tests that need it are skipped where it is absent.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("medcom/messages").path) }

    static let lexicon: Lexicon = {
        let file = rules.appendingPathComponent("lexicon/da.yml")
        return try! LexiconLoader.load(yaml: String(contentsOf: file, encoding: .utf8), file: file.path)
    }()

    static let packs: [RulePack] = {
        let names = try! FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".yml") }.sorted()
        return names.map { try! RulePackLoader.load(contentsOf: rules.appendingPathComponent($0)) }
    }()

    static let extractor = Extractor(lexicon: lexicon)
    static let engine = RuleEngine(packs: packs, language: .en)

    /// Reads a text letter written inline in a test.
    static func textLetter(_ text: String) -> Letter {
        try! PlainTextReader().read(Array(text.utf8), path: "inline.txt")
    }

    static func extract(_ text: String) -> Extraction {
        extractor.extract(textLetter(text))
    }

    static func xmlLetters(_ xml: String, options: ReadingOptions = ReadingOptions()) throws -> [Letter] {
        try OIOXMLReader(options: options).read(Array(xml.utf8), path: "inline.xml")
    }

    static func bytes(_ url: URL) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: url.path)!)
    }

    /// A minimal OIOXML letter around the given `Text01` content.
    static func oioxml(text01: String, namespace: String = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/",
                       root: String = "DischargeLetter", extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Emessage xmlns="\(namespace)">
        <Envelope><Sent><Date>2024-05-02</Date><Time>13:41</Time></Sent><Identifier>X</Identifier></Envelope>
        <\(root)>
        <Letter><Identifier>L1</Identifier><TypeCode>XDIS01</TypeCode><StatusCode>nytbrev</StatusCode>
        <Authorisation><Date>2024-05-02</Date><Time>11:20</Time></Authorisation></Letter>
        <Sender><OrganisationName>Testhospitalet</OrganisationName><DepartmentName>Kirurgisk Afdeling</DepartmentName>
        <TelephoneSubscriberIdentifier>70 10 20 30</TelephoneSubscriberIdentifier></Sender>
        <Receiver><OrganisationName>Lægehuset</OrganisationName></Receiver>
        <Patient><CivilRegistrationNumber>0101585131</CivilRegistrationNumber><PersonSurnameName>Testesen</PersonSurnameName>
        <PersonGivenName>Test</PersonGivenName></Patient>
        <Admission><Date>2024-04-22</Date></Admission><Discharge><Date>2024-04-30</Date></Discharge>
        \(extra)
        <ClinicalInformation><Text01>\(text01)</Text01></ClinicalInformation>
        </\(root)>
        </Emessage>
        """
    }
}
