import Epicrisis

/// Applies a letter's `epicheck-disable RULE-ID: reason` comments: the rule's findings are dropped;
/// a suppression without a reason, or one that suppressed nothing, is itself a finding.
enum Suppressions {
    static let missingReason = "EPICHECK-SUPPRESSION-REASON"
    static let unused = "EPICHECK-UNUSED-SUPPRESSION"

    static func apply(_ suppressions: [Suppression], to findings: [Finding], language: Language) -> [Finding] {
        guard !suppressions.isEmpty else { return findings }
        var kept: [Finding] = []
        var used = Set<String>()
        for finding in findings {
            if let suppression = suppressions.first(where: { $0.rule == finding.rule && $0.reason != nil }) {
                used.insert(suppression.rule)
            } else {
                kept.append(finding)
            }
        }
        for suppression in suppressions {
            if suppression.reason == nil {
                kept.append(Finding(rule: missingReason, severity: .error, message: language == .da
                    ? "epicheck-disable \(suppression.rule) mangler en begrundelse: skriv 'epicheck-disable \(suppression.rule): hvorfor'."
                    : "epicheck-disable \(suppression.rule) has no reason: write 'epicheck-disable \(suppression.rule): why'.",
                    location: suppression.location, section: "suppression"))
            } else if !used.contains(suppression.rule) {
                kept.append(Finding(rule: unused, severity: .warning, message: language == .da
                    ? "epicheck-disable \(suppression.rule) undertrykker intet fund: fjern den."
                    : "epicheck-disable \(suppression.rule) suppresses no finding: remove it.",
                    location: suppression.location, section: "suppression"))
            }
        }
        return kept
    }
}
