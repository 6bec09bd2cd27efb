import Foundation

/// The labelled lines at the top of a plain-text letter: kind, sender, receiver, patient, dates.
struct HeaderBlock {
    let lines: [TextLine]

    private enum Field {
        case sender, receiver, patient, admission, discharge, episode, written
    }

    private static let labels: [(String, Field)] = [
        ("afsender", .sender), ("fra", .sender),
        ("modtager", .receiver), ("modt", .receiver), ("til egen laege", .receiver), ("egen laege", .receiver), ("til", .receiver),
        ("e\\. ?l", .receiver), ("til e\\. ?l", .receiver),
        ("patient", .patient), ("pt", .patient), ("vedr", .patient), ("vedrorende", .patient), ("navn", .patient),
        ("indlagt", .admission), ("indl", .admission), ("indlaeggelse", .admission), ("forste besog", .admission),
        ("udskrevet", .discharge), ("udskr", .discharge), ("sidste besog", .discharge), ("udskrivelse", .discharge),
        ("ambulant forlob", .episode), ("ambulante besog", .episode), ("besog", .episode),
        ("dato", .written),
    ]

    /// The labels as the pattern tries them: longest first.
    private static let labelsByLength = labels.map(\.0).sorted { $0.count > $1.count }

    /// What follows a label: a colon or, for the date labels, directly a date.
    private static let afterLabel = #"\.?(?:\s*:|\s+(?=\d))"#

    /// A label at the start of a line, or (for dates) after two spaces or a dash, followed by a colon
    /// or, for the date labels, directly by a date.
    static let labelPattern = Pattern(literal: #"(?:^|\s{2,}|\s-\s|,\s)("# + labelsByLength.joined(separator: "|") + ")" + afterLabel + #"\s*"#)

    /// Which label a match of `labelPattern` holds, found on the automaton rather than by ICU's
    /// capture group: the label starts at the match's first letter (what comes before it is
    /// spaces, a dash or a comma), and is the first in the pattern's order that matches there
    /// with what must follow it, as ICU's alternation would take it.
    private static let labelForms = PatternSet(labelsByLength.map { Pattern(literal: "(?:\($0))" + afterLabel) })

    private static let dateLabels: Set<String> = ["indlagt", "indl", "udskrevet", "udskr", "sidste besog", "dato"]

    /// Fills the letter's header fields; returns the indices of the lines that were header fields.
    func apply(to letter: inout Letter) -> [Int] {
        letter.type = letterType()
        var fieldLines: [Int] = []
        for (index, line) in lines.enumerated() {
            // The header ends at the first blank line after a field; below it is the letter's body.
            if line.text.isEmpty, !fieldLines.isEmpty { break }
            guard Self.mayHoldLabel(line.text) else { continue }
            let folded = FoldedText(line.text)
            let matches = Self.labelPattern.ranges(in: folded)
            for (position, match) in matches.enumerated() {
                guard let (label, labelStart) = Self.label(in: match, of: folded),
                      labelStart == 0 || Self.dateLabels.contains(label),
                      let field = Self.fieldOfLabel[label] else { continue }
                let valueStart = match.location + match.length
                let valueEnd = position + 1 < matches.count ? matches[position + 1].location : folded.length
                let value = folded.originalText(NSRange(location: valueStart, length: max(0, valueEnd - valueStart)))
                    .trimmingSpaces
                let location = line.location.advanced(by: folded.originalOffset(valueStart))
                record(field, value: value + continuation(after: index), location: location, in: &letter)
                fieldLines.append(index)
            }
        }
        if letter.sender.isEmpty, let index = unlabelledSender() {
            letter.sender = party(lines[index].text, location: lines[index].location)
            fieldLines.append(index)
        }
        if letter.patient.cpr == nil, let (cpr, location) = firstCPR() {
            letter.patient.cpr = cpr
            letter.patient.location = letter.patient.location ?? location
        }
        return fieldLines
    }

    /// Whether a line may hold a label: each is followed by a colon or a digit (`afterLabel`).
    /// Told from the bytes (any beyond ASCII may fold to either), so that a line without (a
    /// title, the body of a letter without a header) is not folded and searched for nothing.
    private static func mayHoldLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { $0 == UInt8(ascii: ":") || $0.isNumber || $0 >= 0x80 }
        }
    }

    /// The label (as the pattern writes it) that a match of `labelPattern` holds, and where it starts.
    static func label(in match: NSRange, of folded: FoldedText) -> (String, Int)? {
        let end = match.location + match.length
        guard let start = (match.location..<end).first(where: { (97...122).contains(folded.symbol(at: $0)) }),
              let index = labelForms.firstMatching(in: folded, range: NSRange(location: start, length: folded.length - start))
        else { return nil }
        return (labelsByLength[index], start)
    }

    /// The field each label names. Labels with dots and spaces (`e\\. ?l`, `til egen laege`) are
    /// compared without them, so where two name the same words the first listed wins.
    private static let fieldOfLabel: [String: Field] = {
        func bare(_ label: String) -> String {
            String(String.UnicodeScalarView(label.unicodeScalars.filter { !["\\", ".", " ", "?"].contains($0) }))
        }
        var byBareLabel: [String: Field] = [:]
        for (label, field) in labels where byBareLabel[bare(label)] == nil {
            byBareLabel[bare(label)] = field
        }
        return Dictionary(uniqueKeysWithValues: labels.map { ($0.0, byBareLabel[bare($0.0)]!) })
    }()

    /// The kind of letter from its title line.
    private func letterType() -> LetterType {
        guard let title = lines.first(where: { !$0.text.isEmpty })?.text else { return .unknown }
        let folded = TextFolding.fold(title)
        if folded.containsBytes("ambulant") { return .outpatient }
        if folded.containsBytes("skadestue") || folded.containsBytes("akutmodtag") || folded.containsBytes("akutafd") { return .emergencyWard }
        if folded.containsBytes("epikrise") || folded.containsBytes("udskrivning") { return .discharge }
        return .unknown
    }

    /// An indented line under a field continues it (`Afsender: …` wrapped onto the next line).
    private func continuation(after index: Int) -> String {
        guard index + 1 < lines.count else { return "" }
        let next = lines[index + 1]
        guard next.location.column > 4, !next.text.isEmpty, !next.text.containsBytes(":") else { return "" }
        return " " + next.text
    }

    private func record(_ field: Field, value: String, location: SourceLocation, in letter: inout Letter) {
        switch field {
        case .sender where letter.sender.isEmpty:
            letter.sender = party(value, location: location)
        case .receiver where letter.receiver.isEmpty:
            letter.receiver = party(value, location: location)
        case .patient where letter.patient.name == nil:
            letter.patient = patient(value, location: location)
        case .admission where letter.dates.admission == nil:
            let dates = allDates(value, location)
            letter.dates.admission = dates.first
            // "Indlagt 07.05.2024 - udskrevet 09.05.2024" is read by the discharge label; a bare range gives both.
            if dates.count > 1, letter.dates.discharge == nil { letter.dates.discharge = dates.last }
        case .discharge where letter.dates.discharge == nil:
            letter.dates.discharge = allDates(value, location).first
        case .episode:
            let dates = allDates(value, location)
            if letter.dates.admission == nil { letter.dates.admission = dates.first }
            if letter.dates.discharge == nil, dates.count > 1 { letter.dates.discharge = dates.last }
        case .written where letter.dates.authorisation == nil:
            letter.dates.authorisation = allDates(value, location).first
        default:
            break
        }
    }

    private func patient(_ value: String, location: SourceLocation) -> Patient {
        let cpr = CPRPattern.first(in: value)
        var name = value
        if let cpr { name = String(value.prefix(cpr.offset)) }
        if let comma = name.unicodeScalars.firstIndex(of: ",") { name = String(name[..<comma]) }
        if name.containsBytes("CPR") || name.containsBytes("cpr") {
            for label in ["CPR:", "CPR", "cpr.nr.", "cpr"] {
                name = name.replacingOccurrences(of: label, with: "")
            }
        }
        name = name.trimming([" ", ",", ".", ":"])
        return Patient(name: name.isEmpty ? nil : name, cpr: cpr?.text, location: location)
    }

    private func allDates(_ value: String, _ location: SourceLocation) -> [DatedField] {
        DanishDate.allDates(in: value).map { DatedField($0.date, location: location.advanced(by: $0.offset)) }
    }

    private func party(_ value: String, location: SourceLocation) -> Party {
        // Letters separate a sender's parts with commas, middle dots (C2 B7) or bars; split on
        // the bytes, as the scalar view's `split` cost more than the rest of the field.
        var parts: [String] = []
        var bytes = value
        bytes.withUTF8 { bytes in
            var start = 0
            var index = 0
            func part(to end: Int) {
                if end > start { parts.append(String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces) }
            }
            while index < bytes.count {
                let width: Int
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "|"): width = 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xB7: width = 2
                default:
                    index += 1
                    continue
                }
                part(to: index)
                index += width
                start = index
            }
            part(to: bytes.count)
        }
        // Each part folded once, for both lists.
        let names = parts.map { part in
            TextFolding.withFold(part) { folded in (Self.holdsAny(of: Self.departmentWords, folded), Self.holdsAny(of: Self.organisationWords, folded)) }
        }
        let department = parts.indices.first { names[$0].0 }.map { parts[$0] }
        let organisation = parts.indices.first { parts[$0] != department && names[$0].1 }.map { parts[$0] }
        return Party(organisation: organisation ?? (department == nil ? parts.first : nil),
                     department: department, phone: PhonePattern.first(in: value), location: location)
    }

    private static let departmentWords = ["afd", "ambulator", "afsnit"].map { Array($0.utf8) }
    private static let organisationWords = ["hospital", "sygehus", "klinik", "laege", "center"].map { Array($0.utf8) }

    /// Whether a fold holds one of `words` (folded already).
    private static func holdsAny(of words: [[UInt8]], _ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in word.withUnsafeBufferPointer { folded.contains($0) } }
    }

    /// A department named on an unlabelled line under the title.
    private func unlabelledSender() -> Int? {
        lines.prefix(6).indices.dropFirst().first { index in
            let line = lines[index]
            let folded = TextFolding.fold(line.text)
            return !line.text.containsBytes(":") && ["afdeling", "afd.", "ambulatori", "hospital", "sygehus"].contains { folded.containsBytes($0) }
        }
    }

    private func firstCPR() -> (String, SourceLocation)? {
        for line in lines {
            if let match = CPRPattern.first(in: line.text) {
                return (match.text, line.location.advanced(by: match.offset))
            }
        }
        return nil
    }
}
