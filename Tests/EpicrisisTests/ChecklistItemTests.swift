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
}
