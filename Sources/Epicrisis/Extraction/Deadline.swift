/// A time limit for judging one letter, so a pathological letter (or lexicon) cannot stall a batch:
/// the work stops at the next check after the limit and the letter is reported as over it.
public struct Deadline: Sendable {
    private let end: ContinuousClock.Instant?
    public let limit: Duration?

    /// No limit.
    public static let none = Deadline(end: nil, limit: nil)

    private init(end: ContinuousClock.Instant?, limit: Duration?) {
        self.end = end
        self.limit = limit
    }

    /// `limit` from now.
    public static func after(_ limit: Duration) -> Deadline {
        Deadline(end: ContinuousClock.now + limit, limit: limit)
    }

    public var isExpired: Bool {
        guard let end else { return false }
        return ContinuousClock.now >= end
    }

    func check() throws(DeadlineExceeded) {
        if isExpired { throw DeadlineExceeded(limit: limit ?? .zero) }
    }
}

/// The letter took longer than its time limit.
public struct DeadlineExceeded: Error, Sendable {
    public var limit: Duration
}
