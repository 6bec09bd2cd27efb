/// How readers treat their input.
public struct ReadingOptions: Sendable {
    /// Letters larger than this are refused unread, so one runaway file cannot stall a batch.
    public var maximumBytes: Int
    /// Where a newer MedCom version carries the colour marking, as element local names below the
    /// letter element (`["FollowUp", "Priority"]`). The element is version-dependent, so it is
    /// configuration, not code.
    public var priorityElementPath: [String]?
    /// Validates OIOXML letters against MedCom's schemas, where given.
    public var schemaValidator: SchemaValidator?

    public init(maximumBytes: Int = 16 * 1024 * 1024, priorityElementPath: [String]? = nil,
                schemaValidator: SchemaValidator? = nil) {
        self.maximumBytes = maximumBytes
        self.priorityElementPath = priorityElementPath
        self.schemaValidator = schemaValidator
    }
}
