import Foundation

/// An author's `epicheck-disable RULE-ID: reason` in a letter or template: the rule is not to be
/// reported for this letter. In text it is a line of its own; in OIOXML an XML comment.
public struct Suppression: Sendable, Codable, Hashable {
    public var rule: String
    /// Why; required, so a suppression documents a decision instead of hiding a gap.
    public var reason: String?
    public var location: SourceLocation

    private static let pattern = try! NSRegularExpression(
        pattern: #"^\s*(?:#|//|--)?\s*epicheck-disable\s+([A-Za-z0-9-]+)\s*(?::\s*(.*?))?\s*$"#)

    /// Reads a suppression from a line or comment, if it is one.
    public static func parse(_ text: String, location: SourceLocation) -> Suppression? {
        // Nearly every line is not one; a byte search says so without the expression.
        guard text.utf8.count >= 16, text.containsBytes("epicheck-disable") else { return nil }
        let ns = text as NSString
        guard let match = pattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let reasonRange = match.range(at: 2)
        let reason = reasonRange.location == NSNotFound ? nil : ns.substring(with: reasonRange)
        return Suppression(rule: ns.substring(with: match.range(at: 1)).uppercased(),
                           reason: reason?.isEmpty == false ? reason : nil, location: location)
    }
}
