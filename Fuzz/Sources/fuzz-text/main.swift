import Epicrisis
import FuzzDriver

// Any bytes, as a plain-text letter: read, extract, judge. Must never crash, hang or print.
runFuzzer { data, size in
    if let letter = try? PlainTextReader().read(bytes(data, size), path: "fuzz.txt") { _ = fuzzExtractor.extract(letter) }
    return 0
}
