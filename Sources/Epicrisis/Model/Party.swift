/// A sender or receiver of a letter: a hospital department or a general practice.
public struct Party: Hashable, Sendable, Codable {
    public var organisation: String?
    public var department: String?
    public var unit: String?
    public var phone: String?
    /// The identifier as given (SOR/EAN/yder number), with what kind it is where known.
    public var identifier: String?
    public var location: SourceLocation?

    public init(organisation: String? = nil, department: String? = nil, unit: String? = nil,
                phone: String? = nil, identifier: String? = nil, location: SourceLocation? = nil) {
        self.organisation = organisation
        self.department = department
        self.unit = unit
        self.phone = phone
        self.identifier = identifier
        self.location = location
    }

    /// A name to show: the department, or the organisation where no department is given.
    public var displayName: String? {
        [department, organisation].compactMap { $0 }.first
    }

    public var isEmpty: Bool {
        organisation == nil && department == nil && unit == nil && identifier == nil
    }
}

/// The patient the letter is about.
public struct Patient: Hashable, Sendable, Codable {
    public var name: String?
    /// The CPR number exactly as written (digits, possibly with a hyphen).
    public var cpr: String?
    public var location: SourceLocation?

    public init(name: String? = nil, cpr: String? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.cpr = cpr
        self.location = location
    }
}
