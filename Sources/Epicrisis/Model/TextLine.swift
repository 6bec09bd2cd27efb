/// One line of a letter's clinical text, with where it came from and how it was typeset.
public struct TextLine: Hashable, Sendable, Codable {
    public var text: String
    public var location: SourceLocation
    /// The whole line was set in `<Bold>` (or `<Underline>`): a likely heading.
    public var isEmphasised: Bool

    public init(text: String, location: SourceLocation, isEmphasised: Bool = false) {
        self.text = text
        self.location = location
        self.isEmphasised = isEmphasised
    }
}
