/// The form a letter arrived in.
public enum LetterFormat: String, Sendable, Codable {
    case oioxml
    case text
    case edifact
}

/// The MedCom letter type: XDIS01 discharge, XDIS02 outpatient, XDIS03 emergency ward,
/// XDIS91 correspondence; `other` keeps an unknown code; `unknown` where nothing says.
public enum LetterType: Hashable, Sendable, Codable, CustomStringConvertible {
    case discharge
    case outpatient
    case emergencyWard
    case correspondence
    case other(String)
    case unknown

    /// Reads a MedCom type code (`XDIS01`, `DIS02`…) or an XML root element name.
    public init(code: String) {
        var upper = code.uppercased()
        // EDIFACT says DIS05 where OIOXML says XDIS05: one letter type.
        if upper.hasPrefix("DIS"), upper.count == 5, upper.dropFirst(3).allSatisfy(\.isNumber) { upper = "X" + upper }
        switch upper {
        case "XDIS01", "DIS01", "DISCHARGELETTER": self = .discharge
        case "XDIS02", "DIS02", "OUTPATIENTDISCHARGELETTER": self = .outpatient
        case "XDIS03", "DIS03", "CASUALTYWARDLETTER": self = .emergencyWard
        case "XDIS91", "DIS91", "CLINICALEMAIL": self = .correspondence
        case "": self = .unknown
        default: self = .other(upper.hasPrefix("XDIS") ? upper : code)
        }
    }

    public var code: String {
        switch self {
        case .discharge: "XDIS01"
        case .outpatient: "XDIS02"
        case .emergencyWard: "XDIS03"
        case .correspondence: "XDIS91"
        case .other(let code): code
        case .unknown: "unknown"
        }
    }

    public var description: String { code }

    public init(from decoder: Decoder) throws {
        self.init(code: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
