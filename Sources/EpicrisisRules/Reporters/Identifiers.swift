import Epicrisis
import Foundation

/// Keeps patient identifiers out of reports unless asked: CPR numbers show as `010858-****`.
public enum Identifiers {
    public static func cpr(_ written: String?, show: Bool) -> String? {
        guard let written else { return nil }
        if show { return written }
        return CPRNumber(written)?.masked ?? "**********"
    }

    private static let cprInText = try! NSRegularExpression(pattern: #"(?<!\d)([0-3]\d[01]\d\d\d)[ ]?-?[ ]?\d{4}(?!\d)"#)

    /// Masks every CPR-shaped number in a text.
    public static func redact(_ text: String, show: Bool) -> String {
        guard !show, mayHoldCPR(text) else { return text }
        let range = NSRange(location: 0, length: (text as NSString).length)
        return cprInText.stringByReplacingMatches(in: text, range: range, withTemplate: "$1-****")
    }

    /// A CPR number has ten digits (`\d`: any decimal digit); most evidence has fewer, and needs
    /// no expression run over it.
    private static func mayHoldCPR(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            let isDigit = scalar.isASCII ? (48...57).contains(scalar.value) : scalar.properties.numericType == .decimal
            if isDigit {
                digits += 1
                if digits == 10 { return true }
            }
        }
        return false
    }
}
