import Epicrisis
import Foundation

/// Reads `.epicheck.yml`, strictly: an unknown key or an unknown rule id is an error with the file
/// and line, so a misspelt setting never silently does nothing.
public enum ConfigurationLoader {
    public static let fileName = ".epicheck.yml"

    /// The nearest `.epicheck.yml` from `directory` upward.
    public static func find(from directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static func load(yaml text: String, file: String) throws -> Configuration {
        let root = try YAMLValue.parse(text, file: file)
        let fields = try root.fields(required: ["version"], optional: ["rules", "packs", "priorityElement"])
        guard try fields.required("version").int() == 1 else {
            throw try fields.required("version").error("unsupported configuration version (this epicheck reads version 1)")
        }
        var configuration = Configuration()
        configuration.file = file
        configuration.extraPacks = try fields["packs"]?.strings() ?? []
        if let element = fields["priorityElement"] {
            let path = try element.string().split(separator: "/").map(String.init)
            guard !path.isEmpty else { throw element.error("an element path like FollowUp/Priority") }
            configuration.priorityElementPath = path
        }
        for (id, value) in try fields["rules"]?.mapping() ?? [] {
            configuration.mentioned[id] = value.error("unknown rule '\(id)'; `epicheck rules` lists them")
            let settings = try value.fields(required: [], optional: ["enabled", "severity", "weight"])
            if let enabled = settings["enabled"], try !enabled.bool() { configuration.disabled.insert(id) }
            if let severity = settings["severity"] { configuration.severities[id] = try RulePackLoader.severity(severity) }
            if let weight = settings["weight"] {
                let number = try weight.double()
                guard number >= 0 else { throw weight.error("a weight cannot be negative") }
                configuration.weights[id] = number
            }
        }
        return configuration
    }
}
