import Foundation

/// Reads the facts a GP looks for out of a letter, each with its evidence and location.
///
/// Create one per process (it holds the compiled lexicon) and share it: it is immutable and
/// `Sendable`, so letters can be extracted in parallel.
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    private let context: ContextAnalyzer

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.context = ContextAnalyzer(cues: lexicon.context)
    }

    public func extract(_ letter: Letter) -> Extraction {
        // Without a deadline nothing can throw.
        (try? extract(letter, deadline: .none))!
    }

    /// Extracts within a time limit, checked between items.
    public func extract(_ letter: Letter, deadline: Deadline) throws(DeadlineExceeded) -> Extraction {
        // One blank fold a letter, not one a process: an object shared by threads has its
        // reference count written from each, and two cores then wait on each other.
        let blank = FoldedText("")
        let lines = letter.lines.map { AnalysedLine($0, lexicon: lexicon, blank: blank) }
        let sections = SectionFinder(lexicon: lexicon).sections(of: lines)
        let priorityFinder = PriorityMarkingFinder(lexicon: lexicon.priority, context: context)
        let markings = priorityFinder.markings(in: lines, structured: letter.structuredPriority)
        let first = markings.first
        let conflicts = markings.filter { $0.colour != first?.colour }

        let cancer = CancerDetector(terms: lexicon.cancerTerms, codes: lexicon.diagnosisCodes, context: context)
        let codesInText = cancer.codesInText(lines)
        let cancerEvidence = cancer.evidence(letter: letter, lines: lines, codesInText: codesInText)
        let isCancer = cancerEvidence.contains { $0.polarity == .affirmed }

        let judge = ItemJudge(lexicon: lexicon, context: context)
        // In the checklist's order, each at its place (`ChecklistItem.order`).
        var judgements: [ItemJudgement?] = []
        for item in ChecklistItem.allCases {
            try deadline.check()
            if item.isDSAM && !isCancer {
                judgements.append(ItemJudgement(item: item, status: .notApplicable))
                continue
            }
            var judgement = judge.judge(item, sections: sections)
            let extra = codedEvidence(for: item, letter: letter, priority: first)
            if !extra.isEmpty {
                judgement.evidence = extra + judgement.evidence
                judgement.status = .present
            }
            judgements.append(judgement)
        }

        let recommendationLines = recommendationContext(lines: lines, marking: first,
                                                        judgement: judgements[ChecklistItem.gpRecommendation.order])
        return Extraction(
            sections: sections,
            priority: first,
            conflictingPriorities: conflicts,
            timeFrame: priorityFinder.timeFrame(in: recommendationLines),
            selfContact: priorityFinder.firstAffirmed(lexicon.priority.selfContact, in: recommendationLines),
            gpReachesOut: priorityFinder.firstAffirmed(lexicon.priority.gpReachesOut, in: recommendationLines),
            isCancerLetter: isCancer,
            cancerEvidence: cancerEvidence,
            mainDiagnosisCode: mainDiagnosisCode(letter: letter, sections: sections, codesInText: codesInText),
            diagnosisCodesInText: codesInText,
            treatments: treatments(in: lines),
            judgementsInOrder: judgements,
            template: letter.isTemplate ? TemplateInspector(lexicon: lexicon).inspect(lines, sections: sections) : nil)
    }

    /// Coded and structured data counts (docs/checklist.md): a cancer code makes the diagnosis
    /// present, a procedure code the treatment, the sender's phone the contact, a white marking the
    /// statement that the GP has no task.
    private func codedEvidence(for item: ChecklistItem, letter: Letter, priority: PriorityMarking?) -> [Evidence] {
        let fallback = SourceLocation(line: 0, column: 0)
        switch item {
        case .diagnosis:
            return letter.diagnoses.filter { $0.role != .referral && $0.role != .procedure && SKSCode.isCancer($0.code) }.map {
                Evidence(text: [$0.code, $0.text].compactMap { $0 }.joined(separator: " "), location: $0.location ?? fallback, source: .code)
            }
        case .treatment:
            return letter.diagnoses.filter { $0.role == .procedure || SKSCode.isProcedure($0.code) }.map {
                Evidence(text: [$0.code, $0.text].compactMap { $0 }.joined(separator: " "), location: $0.location ?? fallback, source: .code)
            }
        case .contact where letter.format != .text:
            guard let phone = letter.sender.phone else { return [] }
            return [Evidence(text: phone, location: letter.sender.location ?? fallback, source: .structured)]
        case .gpRecommendation:
            guard let priority, priority.colour == .white else { return [] }
            return [priority.evidence]
        default:
            return []
        }
    }

    /// Where the recommendation to the GP stands: the marking's line and the lines after it, and
    /// the recommendation's own evidence.
    private func recommendationContext(lines: [AnalysedLine], marking: PriorityMarking?, judgement: ItemJudgement?) -> [AnalysedLine] {
        var result: [AnalysedLine] = []
        if let marking, let index = lines.firstIndex(where: {
            $0.line.location.line == marking.evidence.location.line && $0.text == marking.evidence.text
        }) {
            result += lines[index...].prefix(4)
        }
        for evidence in judgement?.evidence ?? [] where evidence.source != .marking {
            if let line = lines.first(where: { $0.line.location.line == evidence.location.line && $0.text == evidence.text }) {
                result.append(line)
            } else {
                result.append(AnalysedLine(TextLine(text: evidence.text, location: evidence.location), lexicon: lexicon))
            }
        }
        return result
    }

    /// The coded main diagnosis; for text, the first diagnosis code written under a diagnosis
    /// heading, else the first affirmed one in the letter.
    private func mainDiagnosisCode(letter: Letter, sections: [Section], codesInText: [Evidence]) -> String? {
        if let main = letter.mainDiagnosis { return Self.withoutDots(main.code.uppercased()) }
        let diagnosisLines = Set(sections.filter { $0.items.first == .diagnosis }.flatMap { section in
            ([section.heading].compactMap { $0 } + section.content).map(\.location.line)
        })
        let candidates = codesInText.filter { SKSCode.isWellFormedDiagnosis($0.text) }
        let code = candidates.first { diagnosisLines.contains($0.location.line) } ?? candidates.first { $0.polarity == .affirmed }
        return code.map { Self.withoutDots($0.text) }
    }

    /// `DC50.9` as `DC509`. (Foundation's `replacingOccurrences` cost more than the rest of
    /// finding the code.)
    static func withoutDots(_ code: String) -> String {
        guard code.utf8.contains(UInt8(ascii: ".")) else { return code }
        // A dot a combining mark follows is one character, which Foundation leaves.
        guard code.utf8.allSatisfy({ $0 < 0x80 }) else { return code.replacingOccurrences(of: ".", with: "") }
        return String(decoding: code.utf8.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
    }

    /// The first mention of each treatment; the line screen passes over the lines that name none.
    private func treatments(in lines: [AnalysedLine]) -> [TreatmentFact] {
        lexicon.treatments.compactMap { modality, pattern in
            for line in lines where !line.isEmpty {
                if let range = pattern.firstMatch(in: line.folded) {
                    return TreatmentFact(modality: modality, evidence: line.evidence(
                        at: range, polarity: context.polarity(of: range, in: line.folded), source: .text))
                }
            }
            return nil
        }
    }
}
