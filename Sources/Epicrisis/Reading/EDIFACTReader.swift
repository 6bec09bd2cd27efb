/// Reads MedCom EDIFACT letters (DIS01, DIS02, DIS03, DIS91…) into the same model as OIOXML.
///
/// An interchange (`UNB`…`UNZ`) may hold several messages (`UNH`…`UNT`), each a letter. The
/// character set named in `UNB` is honoured (`UNOC` is ISO 8859-1). A segment that cannot be read
/// loses its own field, not the letter.
public struct EDIFACTReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws(ReadError) -> [Letter] {
        let text = Self.decode(bytes)
        let segments = try EDIFACTSegments(text, file: path).segments
        var letters: [Letter] = []
        var current: [EDIFACTSegments.Segment]?
        for segment in segments {
            switch segment.tag {
            case "UNH": current = [segment]
            case "UNT":
                if let message = current { letters.append(letter(from: message + [segment])) }
                current = nil
            default: current?.append(segment)
            }
        }
        if let message = current, message.count > 1 { letters.append(letter(from: message)) }
        guard !letters.isEmpty else {
            throw ReadError(file: path, line: 1, column: 1, message: "the EDIFACT interchange holds no message (UNH)")
        }
        return letters
    }

    /// The syntax identifier in `UNB` names the character set: `UNOW`/`UNOY` UTF-8, otherwise
    /// ISO 8859-1 (`UNOC`, MedCom's), of which `UNOA`/`UNOB` are subsets.
    static func decode(_ bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(64), as: UTF8.self)
        if head.contains("UNOW") || head.contains("UNOY") { return TextDecoding.decode(bytes) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    private func letter(from segments: [EDIFACTSegments.Segment]) -> Letter {
        var letter = Letter(format: .edifact)
        var text = ClinicalText()
        for segment in segments {
            switch segment.tag {
            case "UNH": letter.type = LetterType(code: segment.value(3, 0).isEmpty ? segment.value(2, 4) : segment.value(3, 0))
            case "NAD": readParty(segment, into: &letter)
            case "PNA" where segment.value(1) == "PAT": letter.patient = patient(segment)
            case "DTM": readDate(segment, into: &letter)
            case "CIN": if let diagnosis = diagnosis(segment) { letter.diagnoses.append(diagnosis) }
            case "FTX" where segment.value(1) == "NC": text.append(segment)
            default: break
            }
        }
        letter.lines = text.lines
        return letter
    }

    private func readParty(_ segment: EDIFACTSegments.Segment, into letter: inout Letter) {
        let names = segment.components(4)
        let party = Party(organisation: names.first.flatMap { $0.isEmpty ? nil : $0 },
                          department: names.count > 1 && !names[1].isEmpty ? names[1] : nil,
                          unit: names.count > 2 && !names[2].isEmpty ? names[2] : nil,
                          identifier: segment.value(2).isEmpty ? nil : "\(segment.value(2)) (\(segment.value(2, 1)))",
                          location: segment.location)
        switch segment.value(1) {
        case "SSP": letter.sender = party
        case "PO": letter.receiver = party
        default: break
        }
    }

    private func patient(_ segment: EDIFACTSegments.Segment) -> Patient {
        var surname: String?
        var given: String?
        for element in segment.elements.dropFirst(3) where element.count > 1 {
            switch element[0] {
            case "SU": surname = element[1]
            case "FO": given = element[1]
            default: break
            }
        }
        let name = [given, surname].compactMap { $0 }.joined(separator: " ")
        return Patient(name: name.isEmpty ? nil : name, cpr: segment.value(2).isEmpty ? nil : segment.value(2), location: segment.location)
    }

    /// `DTM+qualifier:CCYYMMDDHHMM:203`: 90 admission, 91 discharge, 137 the letter's date.
    private func readDate(_ segment: EDIFACTSegments.Segment, into letter: inout Letter) {
        let value = Array(segment.value(1, 1))
        guard value.count >= 8, let year = Int(String(value[0..<4])), let month = Int(String(value[4..<6])),
              let day = Int(String(value[6..<8])), let date = CalendarDate(year: year, month: month, day: day) else { return }
        let field = DatedField(date, location: segment.location)
        switch segment.value(1, 0) {
        case "90": letter.dates.admission = field
        case "91": letter.dates.discharge = field
        case "137": letter.dates.authorisation = field
        default: break
        }
    }

    /// `CIN+A` main diagnosis, `CIN+DM` an additional code to it (OIOXML's `MainAdditional`),
    /// `CIN+B` further diagnoses, `CIN+TR`/`PR`/`OP` treatments and procedures, `CIN+IN` examinations.
    private func diagnosis(_ segment: EDIFACTSegments.Segment) -> CodedDiagnosis? {
        let role: DiagnosisRole
        switch segment.value(1) {
        case "A": role = .main
        case "DM": role = .mainAdditional
        case "B", "H": role = .other
        case "TR", "PR", "OP", "IN": role = .procedure
        default: return nil
        }
        let code = segment.value(2, 0)
        guard !code.isEmpty else { return nil }
        let text = segment.value(2, 3)
        return CodedDiagnosis(code: code, text: text.isEmpty ? nil : text, role: role, location: segment.location)
    }
}

/// MedCom's clinical text in `FTX+NC` segments: each component is a line, `.` an empty line, and a
/// component ending in `\` continues on the next component or segment without a break.
private struct ClinicalText {
    private(set) var lines: [TextLine] = []
    private var pending: String?
    private var pendingLocation = SourceLocation(line: 0, column: 0)

    mutating func append(_ segment: EDIFACTSegments.Segment) {
        let location = SourceLocation(line: segment.location.line, column: segment.location.column, element: "FTX \(segment.number)")
        for component in segment.components(4) {
            var piece = component
            let continues = piece.hasSuffix("\\")
            if continues { piece.removeLast() }
            if pending == nil { pendingLocation = location }
            let line = (pending ?? "") + (piece == "." && pending == nil ? "" : piece)
            if continues {
                pending = line
            } else {
                emit(line)
                pending = nil
            }
        }
    }

    private mutating func emit(_ text: String) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty || !lines.isEmpty else { return }
        lines.append(TextLine(text: trimmed, location: pendingLocation))
    }
}

import Foundation
