import MiniDump
import MiniDumpWriter
import Testing

/// The LinuxMaps stream is parsed on its bytes; it must give what the straightforward reading of
/// the text gives (lines, then fields split at spaces and tabs, numbers as `UInt64(_:radix:)`
/// reads them), for every line shape a hostile or odd dump may hold.
@Suite struct LinuxMapsParsingTests {
    /// A region as the reference reads it.
    struct Region: Equatable {
        var start, end, offset, inode: UInt64
        var permissions: String
        var device, path: String
    }

    /// The reference: the text decoded as UTF-8 up to the first NUL, split into lines at `\n`
    /// (dropping a `\r` before it), blank lines skipped, fields read from `String`s.
    static func reference(_ bytes: [UInt8]) -> (regions: [Region], bad: [Int]) {
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        var regions: [Region] = []
        var bad: [Int] = []
        let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(Substring(line.last == 13 ? line.dropLast() : line))
        }
        for (number, line) in lines.enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            guard fields.count >= 5, let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt64(fields[0][..<dash], radix: 16),
                  let end = UInt64(fields[0][fields[0].index(after: dash)...], radix: 16),
                  let offset = UInt64(fields[2], radix: 16), let inode = UInt64(fields[4])
            else { bad.append(number + 1); continue }
            // The path: everything after the inode field and the blanks that follow it.
            var rest = Substring(line)
            for _ in 0..<5 {
                rest = rest.drop { $0 == " " || $0 == "\t" }
                rest = rest.drop { $0 != " " && $0 != "\t" }
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            regions.append(Region(start: start, end: end, offset: offset, inode: inode, permissions: fields[1],
                                  device: fields[3], path: String(rest)))
        }
        return (regions.sorted { $0.start < $1.start }, bad)
    }

    static func parsed(_ bytes: [UInt8]) throws -> (regions: [Region], bad: [Int]) {
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.linuxMaps.rawValue, bytes)
        let maps = try #require(try MiniDumpFile(bytes: builder.build()).linuxMaps())
        let regions = maps.regions.map { region in
            Region(start: region.startAddress, end: region.endAddress, offset: region.mappedFileOffset, inode: region.inode,
                   permissions: region.permissions.description, device: region.device, path: region.path)
        }
        let bad = maps.diagnostics.compactMap { diagnostic -> Int? in
            guard let range = diagnostic.message.firstRange(of: "line "),
                  let end = diagnostic.message[range.upperBound...].firstIndex(of: " ") else { return nil }
            return Int(diagnostic.message[range.upperBound..<end])
        }
        return (regions, bad)
    }

    /// The reference's permissions column, as the stream would print the parsed flags.
    static func normalized(_ reference: (regions: [Region], bad: [Int])) -> (regions: [Region], bad: [Int]) {
        (reference.regions.map { region in
            var region = region
            var flags = LinuxMapPermissions(parsing: Substring(region.permissions))
            if region.permissions.isEmpty { flags = [] }
            region.permissions = flags.description
            return region
        }, reference.bad)
    }

    static let lineShapes = [
        "00400000-00417000 r-xp 00000000 fc:02 23856536                           /opt/app/driver",
        "7ffc62dab000-7ffc62dcc000 rw-p 00000000 00:00 0 [stack]",
        "7ff3d0da0000-7ff3d0dba000 r--s 00000000 00:00 0 ",
        "\t00600000-00601000\tr--p\t00000000\tfc:02\t1\t/path with  two  spaces\t",
        "+ff-+1ff rwxp +0 00:00 +7 plus signs", "-0-1000 r--p -0 00:00 -0 minus zero", "-1-2 r--p 0 0 0 minus one",
        "FFFFFFFFFFFFFFFF-10000000000000000 r--p 0 0 0 overflow", "abc-def r--p 0g 0 0 bad offset",
        "1000-2000 r--p 0 0 12a bad inode", "1000-2000 r--p 0 0", "1000 r--p 0 0 0 no dash", "", "   ", "\r",
        "1000-2000 r--p 0 0 0 /caf\u{E9}/\u{65E5}\u{672C}", "this is not a maps line", "1000-2000 rwzq 0 dev 99 odd perms",
    ]

    @Test func everyLineShapeReadsAsTheReferenceReadsIt() throws {
        for ending in ["\n", "\r\n"] {
            let text = Array(Self.lineShapes.joined(separator: ending).utf8)
            let parsed = try Self.parsed(text)
            let expected = Self.normalized(Self.reference(text))
            #expect(parsed.regions == expected.regions, "ending \(Array(ending.utf8))")
            #expect(parsed.bad == expected.bad, "ending \(Array(ending.utf8))")
        }
    }

    @Test func randomLinesReadAsTheReferenceReadsThem() throws {
        var random = SplitMix64(seed: 0x5EED_3A95)
        let alphabet = Array("0123456789abcdefABCDEF-+ \t\r\nrwxps:/[]".utf8) + [0xC3, 0xA9, 0xFF, 0xE6, 0x97]
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 6) {
                // Mostly well-formed lines with random damage.
                var line = Array(Self.lineShapes[Int(random.next() % UInt64(Self.lineShapes.count))].utf8)
                for _ in 0..<Int(random.next() % 4) where !line.isEmpty {
                    line[Int(random.next() % UInt64(line.count))] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                }
                bytes += line + [10]
            }
            if random.next() % 4 == 0 { bytes += [0] + Array("00400000-00417000 r-xp 0 0 0 after NUL".utf8) }
            let parsed = try Self.parsed(bytes)
            let expected = Self.normalized(Self.reference(bytes))
            #expect(parsed.regions == expected.regions, "seed \(random.seed) round \(round)")
            #expect(parsed.bad == expected.bad, "seed \(random.seed) round \(round)")
        }
    }
}
