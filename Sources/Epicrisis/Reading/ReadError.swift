/// Why a letter could not be read, with where the reader gave up.
public struct ReadError: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `letter.xml:12:5: error: …`, the form editors and CI logs understand.
    public var description: String {
        var place = file ?? "<input>"
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
