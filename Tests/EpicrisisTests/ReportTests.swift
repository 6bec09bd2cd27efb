import Foundation
import Testing
@testable import Epicrisis
@testable import EpicrisisRules

@Suite("Batch summary and HTML report")
struct ReportTests {
    /// The samples, read and judged as `epicheck report samples/` does.
    static func samplesSummary() throws -> BatchSummary {
        var summary = BatchSummary()
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.samples.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".xml") }.sorted()
        for name in names {
            let bytes = Fixtures.bytes(Fixtures.samples.appendingPathComponent(name))
            switch Result(catching: { () throws(ReadError) -> [Letter] in try LetterReader.read(bytes, path: name) }) {
            case .success(let letters):
                for (index, letter) in letters.enumerated() {
                    summary.add(Fixtures.engine.report(file: name, index: index, letter: letter, extraction: Fixtures.extractor.extract(letter)))
                }
            case .failure(let error):
                summary.add(LetterReport.unreadable(file: name, error: error))
            }
        }
        return summary
    }

    @Test("the summary counts what the samples README says")
    func counts() throws {
        let summary = try Self.samplesSummary()
        #expect(summary.letters == 14)
        #expect(summary.unreadable == 1)
        #expect(summary.cancerLetters == 9)
        #expect(summary.items.applicable[.lateEffects] == 9)
        #expect(summary.items.applicable[.contact] == 13)
        #expect(summary.histogram.reduce(0, +) == summary.cancerLetters)
        #expect(summary.lowest.first?.file == "poor-prostate-cancer.txt")
        #expect(summary.lowest.first?.missing.contains(.followUpPlan) == true)
    }

    @Test("the page shows the summary's own figures")
    func pageMatchesSummary() throws {
        let summary = try Self.samplesSummary()
        let page = HTMLReport(summary: summary, language: .en).render()
        let json = try JSONSerialization.jsonObject(with: Data(summary.json.serialized().utf8)) as! [String: Any]
        #expect(page.contains("<dt>Letters</dt><dd>\(json["letters"] as! Int)</dd>"))
        #expect(page.contains("<dt>Cancer letters</dt><dd>\(json["cancerLetters"] as! Int)</dd>"))
        #expect(page.contains(String(format: "<dd>%.1f</dd>", json["medianScore"] as! Double)))
        let items = json["items"] as! [String: Any]
        let lateEffects = try #require(items["late-effects"] as? Double)
        #expect(page.contains("<th scope=\"row\">Late effects</th><td>\(String(format: "%.0f %%", lateEffects * 100))</td>"))
        #expect(page.contains("poor-prostate-cancer.txt"))
    }

    @Test("the page is self-contained, accessible, and shows no identifiers")
    func selfContained() throws {
        let page = HTMLReport(summary: try Self.samplesSummary(), language: .da).render()
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
        #expect(page.contains("<html lang=\"da\">"))
        #expect(page.contains("role=\"img\"") && page.contains("<title id=\"items-title\">"))
        #expect(page.contains("<th scope=\"col\">"))
        #expect(page.range(of: #"\d{6}-?\d{4}"#, options: .regularExpression) == nil)
    }

    @Test("a batch of any size is summed up in a page of bounded size")
    func bounded() {
        var summary = BatchSummary()
        let letter = Fixtures.textLetter("Prioritet: grøn\nDiagnose: Brystkræft (DC509).\nIndlagt: 01.03.2024 Udskrevet: 05.03.2024\n")
        let report = Fixtures.engine.report(file: "x.txt", letter: letter, extraction: Fixtures.extractor.extract(letter))
        for _ in 0..<20_000 { summary.add(report) }
        #expect(summary.letters == 20_000)
        #expect(summary.lowest.count == summary.keepLowest)
        #expect(HTMLReport(summary: summary, language: .en).render().utf8.count < 100_000)
    }
}
