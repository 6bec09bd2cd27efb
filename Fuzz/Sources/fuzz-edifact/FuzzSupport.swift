import Epicrisis
import Foundation

enum FuzzSupport {
    /// The project's lexicon, loaded once: found from this file's place in the checkout.
    static let extractor: Extractor = {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules/lexicon/da.yml")
        let text = try! String(contentsOf: rules, encoding: .utf8)
        return Extractor(lexicon: try! LexiconLoader.load(yaml: text, file: rules.path))
    }()
}
