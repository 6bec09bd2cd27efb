import EpicrisisRules

/// Any bytes, as a rule pack: loaded or refused with an error, never a crash.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? RulePackLoader.load(yaml: text, file: "fuzz.yml")
    return 0
}
