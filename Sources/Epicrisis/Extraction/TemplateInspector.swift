import Foundation

/// What a letter template provides for: a heading or a named slot for each checklist item, the
/// colour-marking slot and where it stands, and placeholders that name nothing.
public struct TemplateFacts: Sendable {
    /// Where the template provides for each item (a heading or a slot named for it).
    public var covered: [ChecklistItem: SourceLocation]
    /// The line that holds the colour-marking slot, and whether it is at the top.
    public var markingSlot: SourceLocation?
    public var markingAtTop: Bool
    /// Placeholders that name nothing (`{{}}`, `[...]`, `XXX`): the author cannot tell what goes there.
    public var unnamedSlots: [Evidence]
    /// Every slot, named or not.
    public var slots: [Evidence]
}

/// Reads a template: placeholders in the common syntaxes (`{{name}}`, `[[name]]`, `«name»`,
/// `<name>`, `[indsæt …]`, `MERGEFIELD name`) are slots, not content.
struct TemplateInspector {
    let lexicon: Lexicon

    /// How many non-empty lines count as "the top", where the colour marking belongs.
    static let topLines = 5

    static let named = try! NSRegularExpression(pattern:
        #"\{\{\s*([^{}]*?)\s*\}\}|\[\[\s*([^\[\]]*?)\s*\]\]|«\s*([^«»]*?)\s*»|<\s*([\p{L}_][\p{L}\d_ -]*?)\s*>|\[\s*(?:indsæt|udfyld|skriv)\s+([^\]]*?)\s*\]|\bMERGEFIELD\s+([\p{L}\d_]+)"#)
    static let unnamed = try! NSRegularExpression(pattern: #"\[\s*(?:\.{2,}|…)?\s*\]|\bX{3,}\b|\.{3,}|…"#)
    static let markingWords = Pattern(literal: #"^\W*(prioritet|prioritering|markering|farvekode|farvemarkering|farve|epikrise-?farve|kategori)\b"#)

    func inspect(_ lines: [AnalysedLine], sections: [Section]) -> TemplateFacts {
        var covered: [ChecklistItem: SourceLocation] = [:]
        for section in sections {
            guard let heading = section.heading else { continue }
            for item in section.items where covered[item] == nil { covered[item] = heading.location }
        }
        var slots: [Evidence] = []
        var unnamed: [Evidence] = []
        var markingSlot: SourceLocation?
        var bodyIndex = 0
        var markingAtTop = false
        for line in lines where !line.isEmpty {
            bodyIndex += 1
            let ns = line.text as NSString
            let whole = NSRange(location: 0, length: ns.length)
            var lineSlots: [String] = []
            for match in Self.named.matches(in: line.text, range: whole) {
                let name = (1..<match.numberOfRanges).map { match.range(at: $0) }.first { $0.location != NSNotFound }
                    .map { ns.substring(with: $0) } ?? ""
                let location = line.line.location.advanced(by: ns.substring(to: match.range.location).count)
                let evidence = Evidence(text: ns.substring(with: match.range), location: location, source: .text)
                slots.append(evidence)
                if name.trimmingSpaces.isEmpty { unnamed.append(evidence) } else { lineSlots.append(name) }
            }
            for match in Self.unnamed.matches(in: line.text, range: whole) {
                let location = line.line.location.advanced(by: ns.substring(to: match.range.location).count)
                let evidence = Evidence(text: ns.substring(with: match.range), location: location, source: .text)
                slots.append(evidence)
                unnamed.append(evidence)
            }
            for name in lineSlots {
                for item in items(namedBy: name) where covered[item] == nil { covered[item] = line.line.location }
            }
            let namesMarking = lineSlots.contains { name in
                let folded = TextFolding.fold(name)
                return ["farve", "markering", "prioritet", "colour", "color"].contains { folded.contains($0) }
            }
            if markingSlot == nil, namesMarking || (Self.markingWords.matches(line.folded) && !slots.isEmpty) {
                markingSlot = line.line.location
                markingAtTop = bodyIndex <= Self.topLines
            }
        }
        return TemplateFacts(covered: covered, markingSlot: markingSlot, markingAtTop: markingAtTop,
                             unnamedSlots: unnamed.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) },
                             slots: slots)
    }

    /// The items a slot's name stands for, read as if it were a heading: `{{senfølger}}`, `«plan»`.
    private func items(namedBy name: String) -> [ChecklistItem] {
        let text = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        guard let (entry, _) = SectionFinder(lexicon: lexicon).heading(FoldedText(text)) else { return [] }
        return entry.items
    }
}
