import Epicrisis
import Foundation

/// A person's judgement of a letter, from `NAME.gold.json` beside `NAME.txt`/`NAME.xml`
/// (the format of docs/evaluation.md). `nil` values are judgement calls and are not scored.
public struct GoldLabel: Sendable {
    public var cancer: Bool?
    /// The marking; `.some(nil)` when the label says there is none.
    public var priority: PriorityColour??
    public var mainDiagnosisCode: String??
    public var checklist: [ChecklistItem: Bool?]
    public var notes: String?

    public static func load(contentsOf url: URL) throws -> GoldLabel {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigurationError(file: url.path, message: "not a gold label (a JSON object)")
        }
        var label = GoldLabel(checklist: [:])
        label.cancer = object["cancer"] as? Bool
        if object.keys.contains("priority") {
            label.priority = .some((object["priority"] as? String).flatMap(PriorityColour.init(rawValue:)))
        }
        if object.keys.contains("mainDiagnosisCode") {
            label.mainDiagnosisCode = .some(object["mainDiagnosisCode"] as? String)
        }
        for (key, value) in object["checklist"] as? [String: Any] ?? [:] {
            guard let item = ChecklistItem(rawValue: key) else {
                throw ConfigurationError(file: url.path, message: "unknown checklist item '\(key)'")
            }
            label.checklist[item] = value as? Bool
        }
        label.notes = object["notes"] as? String
        return label
    }
}
