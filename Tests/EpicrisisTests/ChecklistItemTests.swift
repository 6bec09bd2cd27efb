import Testing
@testable import Epicrisis

@Suite("Checklist items")
struct ChecklistItemTests {
    /// Items compare and hash by their place in the checklist: each has its own place, in the
    /// order they are declared (which reports and the checklist follow).
    @Test("items sort in declaration order, and each is equal only to itself")
    func order() {
        let items = ChecklistItem.allCases
        #expect(items.sorted() == Array(items))
        #expect(Set(items).count == items.count)
        for item in items {
            #expect(items.filter { $0 == item }.count == 1)
            #expect(ChecklistItem(rawValue: item.rawValue) == item)
        }
    }

    /// An extraction keeps its judgements at the items' places: a place is an index of `allCases`.
    @Test("an item's place is its index among all items, and judgements read back by item")
    func places() throws {
        #expect(ChecklistItem.allCases.enumerated().allSatisfy { $0.offset == $0.element.order })
        let sample = try String(contentsOf: Fixtures.samples.appendingPathComponent("good-breast-cancer.txt"), encoding: .utf8)
        var extraction = Fixtures.extract(sample)
        for item in ChecklistItem.allCases {
            #expect(extraction.judgements[item]?.item == item)
            #expect(extraction.judgement(item).status == extraction.judgements[item]?.status)
        }
        var judgements = extraction.judgements
        judgements[.stage] = ItemJudgement(item: .stage, status: .missing)
        judgements[.contact] = nil
        extraction.judgements = judgements
        #expect(extraction.judgement(.stage).status == .missing)
        #expect(extraction.judgements[.contact] == nil)
        #expect(extraction.judgements.count == ChecklistItem.allCases.count - 1)
    }
}
