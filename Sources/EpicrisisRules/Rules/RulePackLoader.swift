import Epicrisis
import Foundation

/// Reads rule packs strictly: an unknown key, a missing field or an invalid value is an error with
/// the file and line, never a silent default.
public enum RulePackLoader {
    /// The pack format this epicheck reads.
    public static let formatVersion = 1

    public static func load(yaml text: String, file: String) throws -> RulePack {
        let root = try YAMLValue.parse(text, file: file)
        let fields = try root.fields(required: ["format", "pack", "title", "rules"])
        let format = try fields.required("format")
        guard try format.int() == formatVersion else {
            throw format.error("unsupported rule-pack format (this epicheck reads format \(formatVersion))")
        }
        let name = try fields.required("pack").string()
        let rules = try fields.required("rules").array().map { try rule($0, pack: name, file: file) }
        var seen = Set<String>()
        for (rule, value) in zip(rules, try fields.required("rules").array()) where !seen.insert(rule.id).inserted {
            throw value.error("duplicate rule id '\(rule.id)'")
        }
        return RulePack(name: name, version: try format.int(), title: try fields.required("title").string(), file: file, rules: rules)
    }

    public static func load(contentsOf url: URL) throws -> RulePack {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, message: "cannot read the rule pack: \(error.localizedDescription)")
        }
        return try load(yaml: text, file: url.path)
    }

    /// `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`, checked by hand: compiling that expression for every rule
    /// was a third of loading the packs.
    static func isRuleID(_ id: String) -> Bool {
        let words = id.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = id.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    private static func rule(_ value: YAMLValue, pack: String, file: String) throws -> Rule {
        let fields = try value.fields(
            required: ["id", "title", "kind", "severity", "message", "rationale", "source", "examples"],
            optional: ["item", "weight", "applies"])
        let idValue = try fields.required("id")
        let id = try idValue.string()
        guard isRuleID(id) else {
            throw idValue.error("a rule id is upper-case words joined by hyphens, like DSAM-LATE-EFFECTS")
        }
        let kindValue = try fields.required("kind")
        guard let kind = RuleKind(rawValue: try kindValue.string()) else {
            throw kindValue.error("unknown rule kind '\(try kindValue.string())' (expected one of: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let item = try fields["item"].map { try LexiconLoader.checklistItem(try $0.string(), at: $0) }
        if kind == .itemPresent, item == nil {
            throw value.error("a rule of kind '\(kind.rawValue)' needs an 'item'")
        }
        let weight = try fields["weight"]?.double() ?? 0
        if weight < 0 { throw fields["weight"]!.error("a weight cannot be negative") }
        let message = try fields.required("message").fields(required: ["da", "en"])
        return Rule(
            id: id, title: try fields.required("title").string(), kind: kind, item: item,
            severity: try severity(fields.required("severity")), weight: weight,
            message: LocalizedText(da: try message.required("da").string(), en: try message.required("en").string()),
            rationale: try fields.required("rationale").string(), source: try fields.required("source").string(),
            applicability: try applicability(fields["applies"]), examples: try examples(fields.required("examples")),
            pack: pack, file: file, line: value.line)
    }

    static func severity(_ value: YAMLValue) throws -> Severity {
        guard let severity = Severity(rawValue: try value.string()) else {
            throw value.error("severity must be error, warning or info")
        }
        return severity
    }

    private static func applicability(_ value: YAMLValue?) throws -> Applicability {
        guard let value else { return Applicability() }
        let fields = try value.fields(required: [], optional: ["cancer", "letterTypes", "template"])
        let types = try fields["letterTypes"]?.array().map { type -> String in
            let code = try type.string()
            guard ["XDIS01", "XDIS02", "XDIS03", "XDIS91", "unknown"].contains(code) else {
                throw type.error("unknown letter type '\(code)' (expected XDIS01, XDIS02, XDIS03, XDIS91 or unknown)")
            }
            return code
        } ?? []
        return Applicability(cancerOnly: try fields["cancer"]?.bool() ?? false, letterTypes: Set(types),
                             templates: try fields["template"]?.bool() ?? false)
    }

    private static func examples(_ value: YAMLValue) throws -> [RuleExample] {
        let fields = try value.fields(required: ["pass", "fail"])
        let pass = try fields.required("pass").array()
        let fail = try fields.required("fail").array()
        guard !pass.isEmpty, !fail.isEmpty else { throw value.error("a rule needs at least one passing and one failing example") }
        return try pass.map { RuleExample(text: try $0.string(), triggers: false, line: $0.line) }
            + fail.map { RuleExample(text: try $0.string(), triggers: true, line: $0.line) }
    }
}
