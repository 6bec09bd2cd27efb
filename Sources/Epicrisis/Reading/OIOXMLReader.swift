import CLibXML2

/// Reads MedCom OIOXML letters (XDIS01, XDIS02, XDIS03, XDIS91 and unknown types) with libxml2.
///
/// Any `http://rep.oio.dk/…` namespace version is accepted: elements are matched by local name.
/// The parser never loads a DTD, never substitutes external entities and never touches the network;
/// its errors are collected, not printed.
public struct OIOXMLReader: Sendable {
    public var options: ReadingOptions

    public init(options: ReadingOptions = ReadingOptions()) {
        self.options = options
    }

    /// Parser options: no network, no DTD loading, no entity substitution, no output of its own,
    /// and line numbers beyond 65535 kept.
    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// The elements under `Emessage` that are envelopes, not letters.
    private static let envelopeElements: Set<String> = ["Envelope"]

    public func read(_ bytes: [UInt8], path: String) throws(ReadError) -> [Letter] {
        let document = try parse(bytes, path: path)
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw ReadError(file: path, line: 1, column: 1, message: "the XML document has no root element")
        }
        let root = XMLElement(node: rootNode)
        let letterElements = root.localName == "Emessage"
            ? root.children.filter { !Self.envelopeElements.contains($0.localName) }
            : [root]
        guard !letterElements.isEmpty else {
            throw ReadError(file: path, line: root.line, column: 1, message: "the Emessage holds no letter")
        }
        let suppressions = Self.suppressions(in: rootNode)
        let violations = options.schemaValidator?.violations(of: document, namespace: root.namespace, path: path) ?? []
        return letterElements.map { element in
            var letter = readLetter(element, namespace: root.namespace)
            letter.suppressions = suppressions
            letter.schemaViolations = violations
            return letter
        }
    }

    /// `<!-- epicheck-disable RULE-ID: reason -->` anywhere in the document.
    private static func suppressions(in root: xmlNodePtr) -> [Suppression] {
        var found: [Suppression] = []
        // Comments may stand before or after the root element, as siblings at document level.
        var stack: [xmlNodePtr] = []
        var sibling: xmlNodePtr? = root.pointee.doc?.pointee.children ?? root
        while let current = sibling {
            stack.append(current)
            sibling = current.pointee.next
        }
        while let node = stack.popLast() {
            if node.pointee.type == XML_COMMENT_NODE, let content = node.pointee.content {
                let location = SourceLocation(line: Int(xmlGetLineNo(node)), column: 1, element: "comment")
                if let suppression = Suppression.parse(String(cString: content), location: location) { found.append(suppression) }
            }
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
        }
        return found.sorted { $0.location.line < $1.location.line }
    }

    private func parse(_ bytes: [UInt8], path: String) throws(ReadError) -> xmlDocPtr {
        // Errors that libxml2 raises outside the parser context (a failed encoding conversion)
        // would otherwise be printed; the parser context's own errors are collected below.
        epicheck_silence_generic_errors()
        guard let context = xmlNewParserCtxt() else {
            throw ReadError(file: path, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = ParseErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        // A structured handler on the context keeps every message out of stderr and keeps its position.
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let privateData = context.pointee._private else { return }
            Unmanaged<ParseErrorCollector>.fromOpaque(privateData).takeUnretainedValue().record(error.pointee)
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), path, nil, Self.parseOptions)
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        if let document, wellFormed, collector.firstFatal == nil {
            return document
        }
        if let document { xmlFreeDoc(document) }
        let failure = collector.firstFatal ?? collector.first
        throw ReadError(file: path, line: failure?.line, column: failure?.column,
                        message: "malformed XML: " + (failure?.message ?? "libxml2 could not parse the document"))
    }

    private func readLetter(_ element: XMLElement, namespace: String?) -> Letter {
        let header = element.child("Letter")
        let typeCode = header?.text("TypeCode") ?? header?.text("StatisticalCode") ?? element.localName
        var letter = Letter(format: .oioxml, type: LetterType(code: typeCode), status: header?.text("StatusCode"),
                            namespace: namespace)
        letter.sender = party(element.child("Sender"))
        letter.receiver = party(element.child("Receiver"))
        letter.patient = patient(element.child("Patient"))
        letter.dates = LetterDates(
            admission: date(element, ["Admission", "OutPatientFirstVisit", "CasualtyWardFirstVisit", "ExaminationStart"]),
            discharge: date(element, ["Discharge", "OutPatientLastVisit", "CasualtyWardLastVisit"]),
            authorisation: header.flatMap { date($0, ["Authorisation"]) })
        letter.diagnoses = diagnoses(element)
        letter.lines = element.children("ClinicalInformation").flatMap { information in
            information.children.filter { $0.localName.hasPrefix("Text") }.flatMap { FormattedText(element: $0).lines }
        }
        if let path = options.priorityElementPath, let marking = element.descendant(path), let text = marking.text {
            letter.structuredPriority = TextLine(text: text, location: SourceLocation(line: marking.line, column: 1,
                                                                                      element: marking.localName))
        }
        return letter
    }

    private func party(_ element: XMLElement?) -> Party {
        guard let element else { return Party() }
        let identifier = element.text("Identifier").map { id in
            element.text("IdentifierCode").map { "\(id) (\($0))" } ?? id
        }
        return Party(organisation: element.text("OrganisationName"), department: element.text("DepartmentName"),
                     unit: element.text("UnitName"), phone: element.text("TelephoneSubscriberIdentifier"),
                     identifier: identifier, location: SourceLocation(line: element.line, column: 1,
                                                                      element: element.localName))
    }

    private func patient(_ element: XMLElement?) -> Patient {
        guard let element else { return Patient() }
        let names = [element.text("PersonGivenName"), element.text("PersonMiddleName"), element.text("PersonSurnameName")]
            .compactMap { $0 }
        return Patient(name: names.isEmpty ? nil : names.joined(separator: " "),
                       cpr: element.text("CivilRegistrationNumber"),
                       location: SourceLocation(line: element.line, column: 1, element: element.localName))
    }

    private func date(_ parent: XMLElement, _ names: [String]) -> DatedField? {
        for name in names {
            if let element = parent.child(name), let dateElement = element.child("Date"), let text = dateElement.text,
               let date = DanishDate.parse(text) {
                return DatedField(date, location: SourceLocation(line: dateElement.line, column: 1, element: name))
            }
        }
        return nil
    }

    private func diagnoses(_ letter: XMLElement) -> [CodedDiagnosis] {
        var result: [CodedDiagnosis] = []
        for diagnose in letter.children("Diagnose") {
            for entry in diagnose.children {
                guard let code = entry.text("DiagnoseCode") else { continue }
                result.append(CodedDiagnosis(code: code, text: entry.text("DiagnoseText"), role: role(of: entry, code: code),
                                             location: SourceLocation(line: entry.line, column: 1, element: entry.localName)))
            }
        }
        for refer in letter.child("Referral")?.children("Refer") ?? [] {
            if let code = refer.text("DiagnoseCode") {
                result.append(CodedDiagnosis(code: code, text: refer.text("DiagnoseText"), role: .referral,
                                             location: SourceLocation(line: refer.line, column: 1, element: "Refer")))
            }
        }
        return result
    }

    private func role(of entry: XMLElement, code: String) -> DiagnosisRole {
        switch entry.localName {
        case "Main": return .main
        case "MainAdditional": return .mainAdditional
        default:
            let description = entry.text("DiagnoseDescriptionCode")?.lowercased() ?? ""
            if description.containsBytes("operation") || description.containsBytes("behandling") || description.containsBytes("undersoegelse")
                || SKSCode.isProcedure(code) {
                return .procedure
            }
            return .other
        }
    }
}

/// Keeps the first error libxml2 reports, and the first fatal one.
final class ParseErrorCollector {
    struct Entry {
        var line: Int
        var column: Int
        var message: String
    }

    var first: Entry?
    var firstFatal: Entry?

    func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
        let entry = Entry(line: Int(error.line), column: Int(error.int2), message: message)
        if first == nil { first = entry }
        if error.level == XML_ERR_FATAL, firstFatal == nil { firstFatal = entry }
    }
}
