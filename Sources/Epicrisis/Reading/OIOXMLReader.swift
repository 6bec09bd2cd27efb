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
        let tree = try Self.parse(bytes, path: path)
        return try withExtendedLifetime(tree) { () throws(ReadError) -> [Letter] in
            guard let root = tree.root else {
                throw ReadError(file: path, line: 1, column: 1, message: "the XML document has no root element")
            }
            let letterElements = root.localName == "Emessage"
                ? root.children.filter { !Self.envelopeElements.contains($0.localName) }
                : [root]
            guard !letterElements.isEmpty else {
                throw ReadError(file: path, line: root.line, column: 1, message: "the Emessage holds no letter")
            }
            let suppressions = Self.suppressions(in: tree)
            var violations: [ReadError] = []
            if let validator = options.schemaValidator {
                // The schema is checked on libxml2's own tree, parsed again: validating is
                // slow anyway, and reading needs no such tree.
                let document = try Self.parseDocument(bytes, path: path)
                defer { xmlFreeDoc(document) }
                violations = validator.violations(of: document, namespace: root.namespace, path: path)
            }
            return letterElements.map { element in
                var letter = readLetter(element, namespace: root.namespace)
                letter.suppressions = suppressions
                letter.schemaViolations = violations
                return letter
            }
        }
    }

    /// `<!-- epicheck-disable RULE-ID: reason -->` anywhere in the document (before or after the
    /// root element too), by line.
    private static func suppressions(in tree: XMLTree) -> [Suppression] {
        var found: [Suppression] = []
        for (index, node) in tree.nodes.enumerated() where node.kind == .comment {
            let location = SourceLocation(line: Int(node.line), column: 1, element: "comment")
            if let suppression = Suppression.parse(tree.string(of: Int32(index)), location: location) { found.append(suppression) }
        }
        return found.sorted { $0.location.line < $1.location.line }
    }

    /// The document as an `XMLTree`, parsed with this thread's parser context.
    static func parse(_ bytes: [UInt8], path: String) throws(ReadError) -> XMLTree {
        guard let parser = ThreadParser.current else {
            throw ReadError(file: path, message: "libxml2 could not allocate a parser")
        }
        let builder = XMLTreeBuilder(buffers: parser.takeBuffers())
        let document = try parser.parse(building: builder) { context throws(ReadError) in
            try read(bytes, path: path, with: context, errors: builder.errors)
        }
        xmlFreeDoc(document) // holds no more than the prolog's declarations
        return builder.finish()
    }

    /// The document as libxml2's tree, parsed with a context of its own; the caller frees it.
    private static func parseDocument(_ bytes: [UInt8], path: String) throws(ReadError) -> xmlDocPtr {
        guard let context = xmlNewParserCtxt() else {
            throw ReadError(file: path, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = XMLTreeBuilder() // for its error collector; the events go to libxml2's tree
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        XMLEvents.collectErrors(context.pointee.sax)
        return try read(bytes, path: path, with: context, errors: collector.errors)
    }

    /// Parses with libxml2 in `context`, whose handlers say where the events and errors go; the
    /// errors are collected, not printed.
    private static func read(_ bytes: [UInt8], path: String, with context: xmlParserCtxtPtr,
                             errors: ParseErrorCollector) throws(ReadError) -> xmlDocPtr {
        // Errors that libxml2 raises outside the parser context (a failed encoding conversion)
        // would otherwise be printed; the parser context's own errors are collected.
        epicheck_silence_generic_errors()
        // A windows-1252 letter is read as UTF-8 converted here, its declaration then ignored.
        let converted = DeclaredWindows1252.utf8(bytes)
        let options = converted == nil ? Self.parseOptions : Self.parseOptions | Int32(XML_PARSE_IGNORE_ENC.rawValue)
        guard (converted ?? bytes).count < Int(Int32.max) else {
            throw ReadError(file: path, message: "the document is too large to read (over 2 GiB as UTF-8)")
        }
        let document = (converted ?? bytes).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), path, nil, options)
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        if let document, wellFormed, errors.firstFatal == nil {
            return document
        }
        if let document { xmlFreeDoc(document) }
        let failure = errors.firstFatal ?? errors.first
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

    /// An error the reader raises itself, in libxml2's stead.
    func recordFatal(line: Int, column: Int, message: String) {
        keep(Entry(line: line, column: column, message: message), fatal: true)
    }

    func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
        keep(Entry(line: Int(error.line), column: Int(error.int2), message: message), fatal: error.level == XML_ERR_FATAL)
    }

    private func keep(_ entry: Entry, fatal: Bool) {
        if first == nil { first = entry }
        if fatal, firstFatal == nil { firstFatal = entry }
    }
}
