import Testing
@testable import Epicrisis

/// The code checks read bytes; they must say what reading the code as characters says.
@Suite("SKS codes")
struct SKSCodeTests {
    // The checks as first written, over characters.
    private func wellFormed(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 4, c.count <= 8, c[0] == "D", c[1].isASCII, c[1].isLetter,
              c[2].isASCII, c[2].isNumber, c[3].isASCII, c[3].isNumber else { return false }
        return c[4...].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    private func procedure(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 3, c.count <= 10, c[0] == "K" || c[0] == "B", c[1].isLetter else { return false }
        return c.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    private func cancer(_ code: String) -> Bool {
        let c = Array(code.uppercased())
        guard c.count >= 4, c[0] == "D", let tens = c[2].wholeNumberValue, let ones = c[3].wholeNumberValue else { return false }
        let number = tens * 10 + ones
        switch c[1] {
        case "C": return number <= 97
        case "D": return number <= 9 || (37...48).contains(number)
        case "Z": return number == 85
        default: return false
        }
    }

    @Test("the byte checks agree with the character checks")
    func agree() {
        var codes = ["DC509", "dc50.9", "DC50", "DC5", "DC98", "DD09", "DD37", "DD49", "DZ85", "DZ86", "DC509ABCD", "DC50ﬀ",
                     "dc50ﬀ", "DC5٣", "DC٥٠", "DC50\r\n", "D\r\nC50", "KAB10", "kab", "BWHA1", "Kø12", "K1AB", "", "DÇ50", "DC50é"]
        // And random codes over the symbols that matter.
        let symbols = Array("DdCcZzKkB0123459ﬀé.\r\n٣ ")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            codes.append(generator.text(lengths: 0...9, of: symbols))
        }
        for code in codes {
            #expect(SKSCode.isWellFormedDiagnosis(code) == wellFormed(code), "\(code.debugDescription)")
            #expect(SKSCode.isProcedure(code) == procedure(code), "\(code.debugDescription)")
            #expect(SKSCode.isCancer(code) == cancer(code), "\(code.debugDescription)")
        }
        #expect(SKSCode.isCancer("DC509") && SKSCode.isWellFormedDiagnosis("DC509") && !SKSCode.isCancer("DZ86"))
    }
}
