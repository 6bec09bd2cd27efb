import Epicrisis

/// The item is addressed; a negative statement counts (docs/checklist.md, counting rules).
struct ItemPresentCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let item = rule.item else { return [] }
        let judgement = context.extraction.judgement(item)
        guard judgement.status == .missing else { return [] }
        // An empty heading is where the author meant to write it: point there.
        let place = judgement.emptyHeadings.first
        return [rule.finding(context, location: place?.location, section: place?.section ?? item.rawValue,
                             evidence: place?.text)]
    }
}

/// A heading for the item with nothing, a placeholder or a lone dash under it (docs/checklist.md:
/// "A heading with no content does not count"; "A dash or a lone symbol … treat it as missing and say so").
/// Without an `item`, the rule covers the headings of every item that applies to the letter.
struct HeadingEmptyCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        let items = rule.item.map { [$0] } ?? ChecklistItem.allCases
        return items.flatMap { item in
            context.extraction.judgement(item).emptyHeadings.map {
                rule.finding(context, location: $0.location, section: $0.section ?? item.rawValue, evidence: $0.text,
                             detail: item.rawValue)
            }
        }
    }
}
