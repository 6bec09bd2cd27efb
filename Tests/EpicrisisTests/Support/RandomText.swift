/// Random texts for the tests that hold a quick path to a general one, or the automaton to ICU.
extension SystemRandomNumberGenerator {
    /// `count` characters drawn from `alphabet`.
    mutating func text(_ count: Int, of alphabet: [Character]) -> String {
        String((0..<count).map { _ in alphabet.randomElement(using: &self)! })
    }

    /// Characters drawn from `alphabet`, as many as drawn from `lengths`.
    mutating func text(lengths: ClosedRange<Int>, of alphabet: [Character]) -> String {
        text(Int.random(in: lengths, using: &self), of: alphabet)
    }

    /// `count` pieces (words, or characters with marks) drawn from `pieces`, joined.
    mutating func text(_ count: Int, of pieces: [String]) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &self)! }.joined()
    }

    /// Pieces drawn from `pieces`, as many as drawn from `lengths`, joined.
    mutating func text(lengths: ClosedRange<Int>, of pieces: [String]) -> String {
        text(Int.random(in: lengths, using: &self), of: pieces)
    }
}
