/// A calendar date as letters state it, without time zone or time of day.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, `2024-03-12`.
    public var description: String {
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = DanishDate.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A date the letter states, with where it stands.
public struct DatedField: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var location: SourceLocation?

    public init(_ date: CalendarDate, location: SourceLocation? = nil) {
        self.date = date
        self.location = location
    }
}

/// The dates of the episode the letter reports on.
public struct LetterDates: Hashable, Sendable, Codable {
    /// Admission, or the first outpatient visit.
    public var admission: DatedField?
    /// Discharge, or the last outpatient visit.
    public var discharge: DatedField?
    /// When the letter was authorised, signed or sent.
    public var authorisation: DatedField?

    public init(admission: DatedField? = nil, discharge: DatedField? = nil, authorisation: DatedField? = nil) {
        self.admission = admission
        self.discharge = discharge
        self.authorisation = authorisation
    }
}
