import EpicrisisRules
import FuzzDriver

// Any bytes, as a rule pack: loaded or refused with an error, never a crash.
runFuzzer { data, size in
    _ = try? RulePackLoader.load(yaml: String(decoding: bytes(data, size), as: UTF8.self), file: "fuzz.yml")
    return 0
}
