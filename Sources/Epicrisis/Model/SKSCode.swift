import Foundation

/// The shape and meaning of SKS codes (the Danish health classification).
///
/// Diagnoses are `D` + an ICD-10 chapter letter + two digits + up to four more characters
/// (`DC509`, `DN735A`); procedures start with `K`, treatments with `B`, and other groupings
/// with further letters. Real letters also carry truncated codes (`DK26`).
public enum SKSCode {
    /// `D` + letter + two digits + up to four letters or digits.
    public static func isWellFormedDiagnosis(_ code: String) -> Bool {
        guard let c = asciiUppercased(code), c.count >= 4, c.count <= 8, c[0] == UInt8(ascii: "D"), isLetter(c[1]),
              c[2].isNumber, c[3].isNumber else { return false }
        return c[4...].allSatisfy { isLetter($0) || $0.isNumber }
    }

    /// `K…` (procedure) or `B…` (treatment), three to ten letters and digits.
    public static func isProcedure(_ code: String) -> Bool {
        guard let c = asciiUppercased(code), c.count >= 3, c.count <= 10, c[0] == UInt8(ascii: "K") || c[0] == UInt8(ascii: "B"),
              isLetter(c[1]) else { return false }
        return c.allSatisfy { isLetter($0) || $0.isNumber }
    }

    /// Cancer codes per the checklist: `DC00`–`DC97`, `DD00`–`DD09`, `DD37`–`DD48`, and `DZ85` (history of cancer).
    public static func isCancer(_ code: String) -> Bool {
        // Past its first four characters a code may hold anything; those four are ASCII or it
        // is no cancer code. (Read as characters, a digit beyond ASCII would count.)
        guard let c = asciiUppercased(code) else { return isCancer(characters: Array(code.uppercased())) }
        guard c.count >= 4, c[0] == UInt8(ascii: "D"), c[2].isNumber, c[3].isNumber else { return false }
        return isCancer(chapter: c[1], number: Int(c[2] - UInt8(ascii: "0")) * 10 + Int(c[3] - UInt8(ascii: "0")))
    }

    private static func isCancer(characters c: [Character]) -> Bool {
        guard c.count >= 4, c[0] == "D", let tens = c[2].wholeNumberValue, let ones = c[3].wholeNumberValue,
              let chapter = c[1].asciiValue else { return false }
        return isCancer(chapter: chapter, number: tens * 10 + ones)
    }

    private static func isCancer(chapter: UInt8, number: Int) -> Bool {
        switch chapter {
        case UInt8(ascii: "C"): return number <= 97
        case UInt8(ascii: "D"): return number <= 9 || (37...48).contains(number)
        case UInt8(ascii: "Z"): return number == 85
        default: return false
        }
    }

    /// The code in capitals as bytes, or nil where it holds anything beyond ASCII: every check
    /// above wants ASCII letters and digits, and reading the code as characters (grapheme
    /// breaking) cost more than the rest of checking a letter's codes. (Capitals first, as
    /// `uppercased()` turns some letters beyond ASCII into ASCII ones: `ﬀ` into `FF`.)
    private static func asciiUppercased(_ code: String) -> [UInt8]? {
        let bytes = Array(code.uppercased().utf8)
        return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}

extension SKSCode {
    /// Written like a diagnosis code but with a letter O for a zero (`DC5O9`): a typing slip
    /// that makes the code unreadable to every system downstream.
    static let lookalike = try! NSRegularExpression(pattern: #"(?<![\p{L}\d])D[A-Z](?:\dO|O\d|OO)[0-9A-Z]{0,4}(?![\p{L}\d])"#)

    public static func lookalikes(in lines: [TextLine]) -> [Evidence] {
        var found: [Evidence] = []
        for line in lines where mayHoldLookalike(line.text) {
            let ns = line.text as NSString
            for match in lookalike.matches(in: line.text, range: NSRange(location: 0, length: ns.length)) {
                let prefix = ns.substring(to: match.range.location)
                found.append(Evidence(text: ns.substring(with: match.range), location: line.location.advanced(by: prefix.count),
                                      source: .text))
            }
        }
        return found
    }

    /// A look-alike needs a letter O beside a digit or another O; few lines have one, so the
    /// expression runs only on those.
    private static func mayHoldLookalike(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayHoldLookalike) ?? Array(text.utf8).withUnsafeBufferPointer(mayHoldLookalike)
    }

    private static func mayHoldLookalike(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // The letter O is rare in a line: found first, then its neighbours are looked at.
        var offset = 0
        while let index = utf8.firstIndex(of: UInt8(ascii: "O"), in: offset..<utf8.count) {
            let before = index > 0 ? utf8[index - 1] : 0
            let after = index + 1 < utf8.count ? utf8[index + 1] : 0
            if before == UInt8(ascii: "O") || before.isNumber || after.isNumber { return true }
            offset = index + 1
        }
        return false
    }
}
