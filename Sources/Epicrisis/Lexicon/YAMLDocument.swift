import Yams

/// A configuration file could not be used: what is wrong and where, `file:line:col`.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(place): \(message)"
    }
}

/// A YAML node read strictly: every access names the file and line of what it rejects, and a
/// mapping refuses keys nobody asked for, so a misspelt setting fails loudly instead of being ignored.
public struct YAMLValue {
    public let node: Node
    public let file: String
    public let path: String

    /// Parses `text`; an empty document is an error.
    public static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            // Values are read as text and converted where they are used (`int()`, `bool()`),
            // so scalars need no tags: the default resolver's regular expressions, run on every
            // scalar Yams hashes to find duplicate keys, were a tenth of start-up.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw ConfigurationError(file: file, line: 1, message: "the file is empty")
            }
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: Self.line(of: error), message: "YAML syntax error: \(Self.summary(of: error))")
        }
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }

    public func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, column: column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    public func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    public func int() throws -> Int {
        guard let value = Int(try string()) else { throw error("expected a whole number") }
        return value
    }

    public func double() throws -> Double {
        guard let value = Double(try string()) else { throw error("expected a number") }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    public func array() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    public func strings() throws -> [String] {
        try array().map { try $0.string() }
    }

    /// The mapping's entries in file order, after checking that every key is one of `allowed`.
    public func mapping(allowed: Set<String>? = nil) throws -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        return try mapping.map { pair in
            guard case .scalar(let key) = pair.key else { throw error("keys must be text") }
            let child = YAMLValue(node: pair.value, file: file, path: path.isEmpty ? key.string : "\(path).\(key.string)")
            if let allowed, !allowed.contains(key.string) {
                let keyValue = YAMLValue(node: pair.key, file: file, path: path)
                throw keyValue.error("unknown key '\(key.string)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            return (key.string, child)
        }
    }

    /// A strict view of a mapping: required and optional fields, unknown keys rejected.
    public func fields(required: Set<String>, optional: Set<String> = []) throws -> YAMLFields {
        let entries = try mapping(allowed: required.union(optional))
        let present = Set(entries.map(\.key))
        if let missing = required.subtracting(present).sorted().first {
            throw error("missing required key '\(missing)'")
        }
        return YAMLFields(owner: self, entries: Dictionary(entries, uniquingKeysWith: { first, _ in first }))
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// The checked fields of a YAML mapping.
public struct YAMLFields {
    let owner: YAMLValue
    let entries: [String: YAMLValue]

    public subscript(key: String) -> YAMLValue? { entries[key] }

    public func required(_ key: String) throws -> YAMLValue {
        guard let value = entries[key] else { throw owner.error("missing required key '\(key)'") }
        return value
    }
}
