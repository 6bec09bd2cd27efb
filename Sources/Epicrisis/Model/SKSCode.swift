import Foundation

/// The shape and meaning of SKS codes (the Danish health classification).
///
/// Diagnoses are `D` + an ICD-10 chapter letter + two digits + up to four more characters
/// (`DC509`, `DN735A`); procedures start with `K`, treatments with `B`, and other groupings
/// with further letters. Real letters also carry truncated codes (`DK26`).
public enum SKSCode {
    /// `D` + letter + two digits + up to four letters or digits.
    public static func isWellFormedDiagnosis(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 4, c.count <= 8, c[0] == "D", c[1].isASCII, c[1].isLetter,
              c[2].isASCII, c[2].isNumber, c[3].isASCII, c[3].isNumber else { return false }
        return c[4...].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// `K…` (procedure) or `B…` (treatment), three to ten letters and digits.
    public static func isProcedure(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 3, c.count <= 10, c[0] == "K" || c[0] == "B", c[1].isLetter else { return false }
        return c.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Cancer codes per the checklist: `DC00`–`DC97`, `DD00`–`DD09`, `DD37`–`DD48`, and `DZ85` (history of cancer).
    public static func isCancer(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 4, c[0] == "D", let tens = c[2].wholeNumberValue, let ones = c[3].wholeNumberValue else {
            return false
        }
        let number = tens * 10 + ones
        switch c[1] {
        case "C": return number <= 97
        case "D": return number <= 9 || (37...48).contains(number)
        case "Z": return number == 85
        default: return false
        }
    }
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
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        // The letter O is rare in a line: found first, then its neighbours are looked at.
        var offset = 0
        while let index = utf8.firstIndex(of: UInt8(ascii: "O"), in: offset..<utf8.count) {
            let before = index > 0 ? utf8[index - 1] : 0
            let after = index + 1 < utf8.count ? utf8[index + 1] : 0
            if before == UInt8(ascii: "O") || isDigit(before) || isDigit(after) { return true }
            offset = index + 1
        }
        return false
    }
}
