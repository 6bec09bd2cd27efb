import Epicrisis

/// A heading or a named slot for each checklist item: a template without one produces letters
/// without the item (docs/checklist.md, the DSAM checklist and the cross-sector items).
struct TemplateSlotCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let template = context.extraction.template else { return [] }
        let items = rule.item.map { [$0] } ?? ChecklistItem.allCases
        return items.filter { template.covered[$0] == nil }.map { item in
            let name = context.language == .da ? item.danishName : item.englishName
            return rule.finding(context, section: item.rawValue, detail: name)
        }
    }
}

/// The colour marking's slot, at the top where the GP's clinic looks first.
struct TemplateMarkingSlotCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let template = context.extraction.template else { return [] }
        guard let slot = template.markingSlot else {
            return [rule.finding(context, section: "priority", detail: context.language == .da ? "ingen plads til farven" : "no slot for the colour")]
        }
        guard !template.markingAtTop else { return [] }
        let line = context.letter.lines.first { $0.location.line == slot.line }?.text
        return [rule.finding(context, location: slot, section: "priority", evidence: line,
                             detail: context.language == .da ? "ikke øverst" : "not at the top")]
    }
}

/// Placeholders that name what goes there; `{{}}`, `[...]` or `XXX` leave the author guessing and
/// end up in letters as they are.
struct TemplateUnnamedSlotCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let template = context.extraction.template else { return [] }
        return template.unnamedSlots.map { slot in
            rule.finding(context, location: slot.location, section: "template", evidence: slot.text)
        }
    }
}
