import Epicrisis
import Foundation

/// One self-contained HTML page for a batch: headline figures, the share present per checklist
/// item, the score histogram, colour markings, departments, months and the letters to learn from.
/// No network, no external scripts or fonts; charts are inline SVG with their figures as text too,
/// so colour never carries meaning alone. Identifiers are not shown: letters are named by file.
public struct HTMLReport {
    public var summary: BatchSummary
    public var language: Language

    public init(summary: BatchSummary, language: Language) {
        self.summary = summary
        self.language = language
    }

    private func t(_ da: String, _ en: String) -> String { language == .da ? da : en }

    private func itemName(_ item: ChecklistItem) -> String {
        language == .da ? item.danishName : item.englishName
    }

    private static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.0f %%", $0 * 100) } ?? "–"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t("epicheck – kvalitetsrapport", "epicheck – quality report"))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>
        <h1>\(t("Kvalitetsrapport for epikriser", "Quality report for discharge letters"))</h1>
        <p class="lead">\(t("Tjekket mod DSAM's gode kræftepikrise og de tværsektorielle krav.", "Checked against DSAM's good cancer epicrisis and the cross-sector items."))</p>
        \(headline())
        \(itemChart())
        \(histogram())
        \(colours())
        \(departments())
        \(months())
        \(lowest())
        </main>
        <script>\(Self.sortScript)</script>
        </body>
        </html>

        """
    }

    private func headline() -> String {
        let figures: [(String, String)] = [
            (t("Breve", "Letters"), "\(summary.letters)"),
            (t("Kræftbreve", "Cancer letters"), "\(summary.cancerLetters)"),
            (t("Median-score (kræftbreve)", "Median score (cancer letters)"), summary.medianScore.map { String(format: "%.1f", $0) } ?? "–"),
            (t("Kræftbreve med alle ni DSAM-punkter", "Cancer letters with all nine DSAM items"), Self.percent(summary.allNineShare)),
            (t("Breve med farvemarkering", "Letters with a colour marking"), Self.percent(summary.markingShare)),
            (t("Ulæselige breve", "Unreadable letters"), "\(summary.unreadable)"),
        ]
        let items = figures.map { "<div class=\"figure\"><dt>\(Self.escape($0.0))</dt><dd>\($0.1)</dd></div>" }.joined()
        return "<section aria-labelledby=\"headline\"><h2 id=\"headline\">\(t("Overblik", "At a glance"))</h2><dl class=\"figures\">\(items)</dl></section>"
    }

    private func itemChart() -> String {
        let rows = ChecklistItem.allCases.map { ($0, summary.items.share($0)) }
        let barHeight = 22, labelWidth = 260, width = 640
        var svg = "<svg role=\"img\" aria-labelledby=\"items-title\" viewBox=\"0 0 \(width) \(rows.count * barHeight + 10)\" class=\"chart\">"
        svg += "<title id=\"items-title\">\(t("Andel af brevene hvor punktet er til stede", "Share of letters where the item is present"))</title>"
        for (index, (item, share)) in rows.enumerated() {
            let y = index * barHeight + 4
            let length = Int((share ?? 0) * Double(width - labelWidth - 60))
            svg += "<text x=\"0\" y=\"\(y + 15)\" class=\"label\">\(Self.escape(itemName(item)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight - 6)\" class=\"\(item.isDSAM ? "bar" : "bar cross")\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" class=\"value\">\(Self.percent(share))</text>"
        }
        svg += "</svg>"
        let table = "<table class=\"data\"><caption>\(t("Tallene bag figuren", "The figures behind the chart"))</caption><thead><tr><th scope=\"col\">\(t("Punkt", "Item"))</th><th scope=\"col\">\(t("Til stede", "Present"))</th><th scope=\"col\">\(t("Breve", "Letters"))</th></tr></thead><tbody>"
            + rows.map { item, share in
                "<tr><th scope=\"row\">\(Self.escape(itemName(item)))</th><td>\(Self.percent(share))</td><td>\(summary.items.applicable[item] ?? 0)</td></tr>"
            }.joined() + "</tbody></table>"
        return "<section aria-labelledby=\"items\"><h2 id=\"items\">\(t("Hvad brevene indeholder", "What the letters contain"))</h2>\(svg)<details><summary>\(t("Vis tabel", "Show table"))</summary>\(table)</details></section>"
    }

    private func histogram() -> String {
        let bands = summary.histogram
        let highest = max(1, bands.max() ?? 1)
        let barWidth = 56, height = 160, top = 20
        var svg = "<svg role=\"img\" aria-labelledby=\"hist-title\" viewBox=\"0 0 \(bands.count * barWidth) \(height + top + 40)\" class=\"chart\">"
        svg += "<title id=\"hist-title\">\(t("Kræftbreve fordelt på score", "Cancer letters by score"))</title>"
        for (index, count) in bands.enumerated() {
            let barHeight = count * height / highest
            let x = index * barWidth
            svg += "<rect x=\"\(x + 6)\" y=\"\(top + height - barHeight)\" width=\"\(barWidth - 12)\" height=\"\(barHeight)\" class=\"bar\"/>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height - barHeight - 5)\" class=\"value\" text-anchor=\"middle\">\(count)</text>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 18)\" class=\"label\" text-anchor=\"middle\">\(index * 10)–\(index == 9 ? 100 : index * 10 + 9)</text>"
        }
        svg += "</svg>"
        return "<section aria-labelledby=\"hist\"><h2 id=\"hist\">\(t("Score for kræftbreve", "Scores of cancer letters"))</h2>\(svg)</section>"
    }

    private func colours() -> String {
        let none = summary.letters - summary.unreadable - summary.withMarking
        let rows = PriorityColour.allCases.map { colour in
            "<tr><th scope=\"row\"><span class=\"swatch \(colour.rawValue)\" aria-hidden=\"true\"></span>\(language == .da ? colour.danishName : colour.rawValue)</th><td>\(summary.colours[colour] ?? 0)</td></tr>"
        }.joined() + "<tr><th scope=\"row\">\(t("ingen markering", "no marking"))</th><td>\(none)</td></tr>"
        return "<section aria-labelledby=\"colours\"><h2 id=\"colours\">\(t("Farvemarkering", "Colour marking"))</h2><table class=\"data\"><thead><tr><th scope=\"col\">\(t("Farve", "Colour"))</th><th scope=\"col\">\(t("Breve", "Letters"))</th></tr></thead><tbody>\(rows)</tbody></table></section>"
    }

    private func departments() -> String {
        let header = "<tr><th scope=\"col\">\(t("Afsender", "Sender"))</th><th scope=\"col\" data-numeric>\(t("Breve", "Letters"))</th>"
            + ChecklistItem.allCases.map { "<th scope=\"col\" data-numeric title=\"\(Self.escape(itemName($0)))\">\(Self.escape($0.rawValue))</th>" }.joined() + "</tr>"
        let rows = summary.departments.keys.sorted().map { name -> String in
            let group = summary.departments[name]!
            return "<tr><th scope=\"row\">\(Self.escape(name))</th><td>\(group.letters)</td>"
                + ChecklistItem.allCases.map { "<td>\(Self.percent(group.share($0)))</td>" }.joined() + "</tr>"
        }.joined()
        return "<section aria-labelledby=\"departments\"><h2 id=\"departments\">\(t("Per afsender", "By sending department"))</h2><p class=\"hint\">\(t("Klik på en kolonne for at sortere.", "Click a column to sort."))</p><div class=\"scroll\"><table class=\"data sortable\"><thead>\(header)</thead><tbody>\(rows)</tbody></table></div></section>"
    }

    private func months() -> String {
        guard !summary.months.isEmpty else { return "" }
        let rows = summary.months.keys.sorted().map { key -> String in
            let month = summary.months[key]!
            return "<tr><th scope=\"row\">\(key)</th><td>\(month.letters)</td><td>\(month.cancerLetters)</td><td>\(month.meanScore.map { String(format: "%.1f", $0) } ?? "–")</td></tr>"
        }.joined()
        return "<section aria-labelledby=\"months\"><h2 id=\"months\">\(t("Måned for måned", "Month by month"))</h2><table class=\"data\"><thead><tr><th scope=\"col\">\(t("Måned", "Month"))</th><th scope=\"col\">\(t("Breve", "Letters"))</th><th scope=\"col\">\(t("Kræftbreve", "Cancer letters"))</th><th scope=\"col\">\(t("Gennemsnitlig score", "Mean score"))</th></tr></thead><tbody>\(rows)</tbody></table></section>"
    }

    private func lowest() -> String {
        guard !summary.lowest.isEmpty else { return "" }
        let items = summary.lowest.map { low in
            let missing = low.missing.map { Self.escape(itemName($0)) }.joined(separator: ", ")
            return "<li><strong>\(Self.escape(low.file))</strong>\(low.index > 0 ? " #\(low.index + 1)" : "") – score \(String(format: "%.1f", low.score))\(low.department.map { " – " + Self.escape($0) } ?? "")<br><span class=\"missing\">\(t("Mangler", "Missing")): \(missing.isEmpty ? "–" : missing)</span></li>"
        }.joined()
        return "<section aria-labelledby=\"lowest\"><h2 id=\"lowest\">\(t("Breve at lære af (lavest score)", "Letters to learn from (lowest scores)"))</h2><ol class=\"lowest\">\(items)</ol></section>"
    }

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
    main{max-width:1100px;margin:0 auto;padding:24px}
    h1{font-size:1.8rem;margin:0 0 4px}h2{font-size:1.25rem;margin:0 0 12px}
    .lead{color:#4a5563;margin:0 0 20px}
    section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px 20px;margin:0 0 16px}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0}
    .figure{border-left:4px solid #2f6db5;padding:4px 10px}.figure dt{font-size:.85rem;color:#4a5563}.figure dd{margin:0;font-size:1.6rem;font-weight:600}
    .chart{width:100%;max-width:760px;height:auto}.chart .label{font-size:12px;fill:#1d2733}.chart .value{font-size:12px;fill:#1d2733;font-weight:600}
    .bar{fill:#2f6db5}.bar.cross{fill:#6b8e23}
    table.data{border-collapse:collapse;font-size:.9rem}table.data th,table.data td{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left}
    table.data td{text-align:right;white-space:nowrap}table.sortable thead th{cursor:pointer}caption{text-align:left;font-weight:600;padding:6px 0}
    .scroll{overflow-x:auto}.hint{font-size:.85rem;color:#4a5563}
    .swatch{display:inline-block;width:12px;height:12px;border:1px solid #555;margin-right:6px;vertical-align:middle}
    .swatch.red{background:#c62828}.swatch.yellow{background:#f9a825}.swatch.green{background:#2e7d32}.swatch.white{background:#fff}
    .lowest li{margin-bottom:8px}.missing{color:#8a1c1c;font-size:.9rem}
    @media print{body{background:#fff}section{break-inside:avoid;border:none}details{display:block}.hint{display:none}}
    """

    static let sortScript = """
    document.querySelectorAll('table.sortable').forEach(function(table){
      table.querySelectorAll('thead th').forEach(function(header,column){
        header.addEventListener('click',function(){
          var body=table.tBodies[0];var rows=Array.from(body.rows);var numeric=header.hasAttribute('data-numeric');
          var descending=header.getAttribute('aria-sort')!=='descending';
          rows.sort(function(a,b){var x=a.cells[column].textContent,y=b.cells[column].textContent;
            if(numeric){x=parseFloat(x)||-1;y=parseFloat(y)||-1;return descending?y-x:x-y}
            return descending?y.localeCompare(x):x.localeCompare(y)});
          table.querySelectorAll('thead th').forEach(function(h){h.removeAttribute('aria-sort')});
          header.setAttribute('aria-sort',descending?'descending':'ascending');
          rows.forEach(function(row){body.appendChild(row)});
        });
      });
    });
    """
}
