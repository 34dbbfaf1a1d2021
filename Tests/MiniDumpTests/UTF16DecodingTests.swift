import MiniDump
import MiniDumpWriter
import Testing

/// `MINIDUMP_STRING` and other UTF-16 text is transcoded by hand; it must read exactly as the
/// standard library's lenient decoder reads the same code units (up to the first NUL).
@Suite struct UTF16DecodingTests {
    /// The text a CommentStreamW holding `units` decodes to.
    static func decodedComment(_ units: [UInt16]) throws -> String? {
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.commentW, units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return try MiniDumpFile(bytes: builder.build()).commentW()?.text
    }

    static func expected(_ units: [UInt16]) -> String {
        String(decoding: units.prefix { $0 != 0 }, as: UTF16.self)
    }

    @Test(arguments: [
        [UInt16](), [0x41, 0x42], [0x47, 0x72, 0xFC, 0xDF, 0x65],   // ASCII, Latin-1
        [0x20AC, 0x4E2D], [0xD83D, 0xDE00], [0x41, 0, 0x42],        // BMP, a surrogate pair, NUL
        [0xD800], [0xDC00, 0x41], [0xD800, 0x41], [0xD800, 0xD800, 0xDC00], [0xDBFF, 0xDFFF],
        [0xD800, 0], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
        // Runs of four ASCII units are copied at once: with a tail, a NUL inside, text after them.
        [0x41, 0x42, 0x43, 0x44, 0x45], [0x41, 0x42, 0, 0x44, 0x45, 0x46, 0x47, 0x48],
        [0x41, 0x42, 0x43, 0x44, 0, 0x46], [0x41, 0x42, 0x43, 0x44, 0xE9, 0x41, 0x42, 0x43, 0x44, 0xD83D, 0xDE00],
        [0x43, 0x3A, 0x5C, 0x57, 0x69, 0x6E, 0x5C, 0x6E, 0x74, 0x64, 0x6C, 0x6C, 0x2E, 0x64, 0x6C, 0x6C],
    ])
    func matchesTheStandardLibrary(_ units: [UInt16]) throws {
        #expect(try Self.decodedComment(units) == Self.expected(units))
    }

    /// 500 random strings of up to `maxCount` units drawn by `unit`, each decoded as the standard
    /// library decodes it; the seed is in every failure.
    static func checkRandomStrings(seed: UInt64, maxCount: UInt64, unit: (inout SplitMix64) -> UInt16) throws {
        var random = SplitMix64(seed: seed)
        for round in 0..<500 {
            let units = (0..<Int(random.next() % maxCount)).map { _ in unit(&random) }
            #expect(try decodedComment(units) == expected(units), "seed \(random.seed) round \(round): \(units)")
        }
    }

    /// Mostly surrogates and boundaries, where transcoders go wrong.
    @Test func randomCodeUnitsMatchTheStandardLibrary() throws {
        try Self.checkRandomStrings(seed: 0x5EED_0016, maxCount: 24) { random in
            switch random.next() % 6 {
            case 0: UInt16(0xD800 + random.next() % 0x800)
            case 1: UInt16(random.next() % 0x80)
            case 2: [0x7F, 0x80, 0x7FF, 0x800, 0xFFFD, 0xFFFF, 0xDBFF, 0xDC00][Int(random.next() % 8)]
            default: UInt16(truncatingIfNeeded: random.next())
            }
        }
    }

    /// Mostly ASCII, as module paths are, so that runs of four meet NULs and other units anywhere.
    @Test func mostlyASCIIMatchesTheStandardLibrary() throws {
        try Self.checkRandomStrings(seed: 0x5EED_A5C1, maxCount: 40) { random in
            switch random.next() % 16 {
            case 0: 0
            case 1: UInt16(0x80 + random.next() % 0x780)
            case 2: UInt16(0xD800 + random.next() % 0x800)
            default: UInt16(0x20 + random.next() % 0x60)
            }
        }
    }
}
