import Epicrisis
import FuzzDriver

// Any bytes, as an OIOXML letter: read, extract, judge. Must never crash, hang or print.
runFuzzer { data, size in
    for letter in (try? OIOXMLReader().read(bytes(data, size), path: "fuzz.xml")) ?? [] { _ = fuzzExtractor.extract(letter) }
    return 0
}
