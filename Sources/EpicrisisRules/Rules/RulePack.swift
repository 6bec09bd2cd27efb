/// A versioned set of rules, loaded from a YAML file under `rules/`.
public struct RulePack: Sendable {
    public var name: String
    public var version: Int
    public var title: String
    public var file: String
    public var rules: [Rule]
}
