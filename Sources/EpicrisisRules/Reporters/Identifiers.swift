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
        guard !show else { return text }
        let range = NSRange(location: 0, length: (text as NSString).length)
        return cprInText.stringByReplacingMatches(in: text, range: range, withTemplate: "$1-****")
    }
}
