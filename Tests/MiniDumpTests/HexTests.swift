import MiniDump
import MiniDumpWriter
import Testing

/// `Hex` writes digits by hand (docs/performance.md); it must print exactly what the standard
/// library's `String(_:radix:uppercase:)` prints, padded the same way.
@Suite struct HexTests {
    /// What `Hex.string` must return, built from the standard library.
    static func expected(_ value: UInt64, digits: Int, uppercase: Bool, prefixed: Bool) -> String {
        let raw = String(value, radix: 16, uppercase: uppercase)
        let padded = String(repeating: "0", count: max(0, digits - raw.count)) + raw
        return (prefixed ? "0x" : "") + padded
    }

    static let edges: [UInt64] = [0, 1, 9, 0xA, 0xF, 0x10, 0xFF, 0x100, 0xFFFF_FFFF, 0x1_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, .max]

    @Test func edgesInEveryFormMatchTheStandardLibrary() {
        for value in Self.edges {
            for digits in [-1, 0, 1, 2, 4, 8, 16, 17, 24] {
                for uppercase in [true, false] {
                    for prefixed in [true, false] {
                        #expect(Hex.string(value, digits: digits, uppercase: uppercase, prefixed: prefixed)
                            == Self.expected(value, digits: digits, uppercase: uppercase, prefixed: prefixed),
                            "\(value) \(digits) \(uppercase) \(prefixed)")
                    }
                }
            }
        }
    }

    @Test func randomValuesMatchTheStandardLibrary() {
        var random = SplitMix64(seed: 0x4845_5854)
        for _ in 0..<10_000 {
            // Every magnitude: shift a random word right by a random amount.
            let value = random.next() >> (random.next() % 64)
            let digits = Int(random.next() % 20)
            #expect(Hex.string(value, digits: digits) == Self.expected(value, digits: digits, uppercase: true, prefixed: true),
                    "seed \(random.seed): \(value) \(digits)")
            #expect(Hex.format(value) == "0x" + String(value, radix: 16, uppercase: true))
        }
    }

    /// `format` keeps the standard library's text for values that are not 64-bit unsigned numbers.
    @Test func formatOfOtherIntegers() {
        #expect(Hex.format(-5) == "0x-5")
        #expect(Hex.format(Int8(-1), digits: 4) == "0x00-1")
        #expect(Hex.format(UInt16(0xBEEF)) == "0xBEEF")
        #expect(Hex.format(UInt32(0x2F10), digits: 8) == "0x00002F10")
        #expect(Hex.format(Int.max) == "0x7FFFFFFFFFFFFFFF")
    }
}
