import Epicrisis
import FuzzDriver

// Any bytes, as a MedCom EDIFACT interchange: read, extract, judge. Must never crash, hang or print.
runFuzzer { data, size in
    for letter in (try? EDIFACTReader().read(bytes(data, size), path: "fuzz.edi")) ?? [] { _ = fuzzExtractor.extract(letter) }
    return 0
}
