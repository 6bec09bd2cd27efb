import Epicrisis

/// Any bytes, as a MedCom EDIFACT interchange: read, extract, judge. Must never crash or hang.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let letters = try? EDIFACTReader().read(bytes, path: "fuzz.edi") {
        for letter in letters { _ = FuzzSupport.extractor.extract(letter) }
    }
    return 0
}
