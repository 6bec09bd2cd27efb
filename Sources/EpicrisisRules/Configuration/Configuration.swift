import Epicrisis

/// A project's or hospital's adjustments to the rule packs, from `.epicheck.yml`.
public struct Configuration: Sendable {
    /// Rules switched off.
    public var disabled: Set<String> = []
    /// Severities changed per rule.
    public var severities: [String: Severity] = [:]
    /// Weights changed per rule.
    public var weights: [String: Double] = [:]
    /// Further rule packs, relative to the configuration file.
    public var extraPacks: [String] = []
    /// Where a newer MedCom version carries the colour marking.
    public var priorityElementPath: [String]?
    public var file: String?
    /// The rule ids the file names, each with the error to give if no pack has it.
    var mentioned: [String: ConfigurationError] = [:]

    public init() {}

    /// Fails on the first rule id the file names that no loaded pack defines.
    public func validate(against ruleIDs: Set<String>) throws {
        if let unknown = mentioned.keys.sorted().first(where: { !ruleIDs.contains($0) }) {
            throw mentioned[unknown]!
        }
    }

    func apply(to rules: [Rule]) -> [Rule] {
        rules.filter { !disabled.contains($0.id) }.map { rule in
            var rule = rule
            if let severity = severities[rule.id] { rule.severity = severity }
            if let weight = weights[rule.id] { rule.weight = weight }
            return rule
        }
    }
}
