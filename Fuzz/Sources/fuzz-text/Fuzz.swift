import Epicrisis

/// Any bytes, as a plain-text letter: read, extract, judge. Must never crash or hang.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let letter = try? PlainTextReader().read(bytes, path: "fuzz.txt") {
        _ = FuzzSupport.extractor.extract(letter)
    }
    return 0
}
