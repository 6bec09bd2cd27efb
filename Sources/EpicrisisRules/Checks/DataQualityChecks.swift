import Epicrisis

/// The CPR number is ten digits with a valid date; `0000000000` means unknown and passes.
struct CPRValidCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        let patient = context.letter.patient
        guard let written = patient.cpr else { return [] }
        guard let cpr = CPRNumber(written) else {
            return [rule.finding(context, location: patient.location, section: "patient", detail: context.language == .da ? "ikke ti cifre" : "not ten digits")]
        }
        guard !cpr.isUnknown, cpr.birthDate == nil else { return [] }
        return [rule.finding(context, location: patient.location, section: "patient", evidence: cpr.masked,
                             detail: context.language == .da ? "ugyldig dato" : "invalid date")]
    }
}

/// A failed modulus-11 check is a warning, never an error: numbers without it are issued since 2007.
struct CPRModulus11Check: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let written = context.letter.patient.cpr, let cpr = CPRNumber(written), !cpr.isUnknown,
              cpr.birthDate != nil, !cpr.passesModulus11 else { return [] }
        return [rule.finding(context, location: context.letter.patient.location, section: "patient", evidence: cpr.masked)]
    }
}

/// Coded diagnoses and procedures, and diagnosis codes written in the text, are well formed.
struct SKSFormatCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for diagnosis in context.letter.diagnoses {
            let code = diagnosis.code.uppercased()
            let wellFormed = code.hasPrefix("D") ? SKSCode.isWellFormedDiagnosis(code) : SKSCode.isProcedure(code) || code.count >= 3
            if !wellFormed {
                findings.append(rule.finding(context, location: diagnosis.location, section: "diagnose", evidence: diagnosis.code))
            }
        }
        for written in context.extraction.diagnosisCodesInText where !SKSCode.isWellFormedDiagnosis(written.text) {
            findings.append(rule.finding(context, location: written.location, section: "diagnose", evidence: written.text))
        }
        for suspect in SKSCode.lookalikes(in: context.letter.lines) {
            findings.append(rule.finding(context, location: suspect.location, section: "diagnose", evidence: suspect.text))
        }
        return findings
    }
}

/// Admission ≤ discharge ≤ authorisation.
struct DateOrderCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        let dates = context.letter.dates
        let ordered = [("admission", dates.admission), ("discharge", dates.discharge), ("authorisation", dates.authorisation)]
            .compactMap { name, field in field.map { (name, $0) } }
        var findings: [Finding] = []
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.1.date < earlier.1.date {
            findings.append(rule.finding(context, location: later.1.location, section: "dates",
                                         detail: "\(earlier.0) \(earlier.1.date) > \(later.0) \(later.1.date)"))
        }
        return findings
    }
}

/// Sender, receiver and patient are identified.
struct PartiesPresentCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        var missing: [String] = []
        if context.letter.sender.isEmpty { missing.append(context.language == .da ? "afsender" : "sender") }
        if context.letter.receiver.isEmpty { missing.append(context.language == .da ? "modtager" : "receiver") }
        if context.letter.patient.cpr == nil && context.letter.patient.name == nil {
            missing.append(context.language == .da ? "patient" : "patient")
        }
        return missing.isEmpty ? [] : [rule.finding(context, section: "header", detail: missing.joined(separator: ", "))]
    }
}

/// The clinical text is not empty.
struct ClinicalTextCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        context.letter.lines.contains { !$0.text.isEmpty } ? [] : [rule.finding(context, section: "ClinicalInformation")]
    }
}

/// Each violation of the MedCom schema, with its line.
struct SchemaValidCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        context.letter.schemaViolations.map { violation in
            rule.finding(context, location: violation.line.map { SourceLocation(line: $0, column: violation.column ?? 1) },
                         section: "schema", detail: violation.message)
        }
    }
}
