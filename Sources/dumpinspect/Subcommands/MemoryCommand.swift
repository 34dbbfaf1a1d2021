import ArgumentParser
import MiniDump

/// `dumpinspect memory`: captured ranges, or a hex dump of one address range.
struct MemoryCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "List the captured memory ranges, or hex-dump memory at an address.",
        discussion: """
            Without --address, lists every range of the MemoryList and Memory64List streams (sorted,
            with their file offsets). With --address, prints --length bytes as a hex dump; a read may span
            adjacent ranges and stops at the first byte the dump did not capture.

            Examples:
              dumpinspect memory crash.dmp --limit 20
              dumpinspect memory crash.dmp --address 0x21fa80 --length 256
            """)

    @OptionGroup var dump: DumpOptions

    @Option(help: ArgumentHelp("Virtual address to hex-dump (0x… or decimal).", valueName: "address"))
    var address: String?

    @Option(help: "How many bytes to hex-dump.")
    var length: Int = 256

    @Option(help: "List at most this many ranges (0 for all).")
    var limit: Int = 0

    func validate() throws {
        if let address, Self.parse(address) == nil {
            throw ValidationError("--address must be a number such as 0x7ff6a1b20000 or 4096, not '\(address)'")
        }
        guard length > 0, length <= 1 << 24 else { throw ValidationError("--length must be between 1 and 16777216") }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    static func parse(_ text: String) -> UInt64? {
        let trimmed = String(text.filter { $0 != "`" && $0 != "_" })
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    /// The bytes readable from `start`, up to `length` (stops at the first missing byte).
    static func readable(_ space: AddressSpace, start: UInt64, length: Int) -> [UInt8] {
        if let all = space.bytes(at: start, count: length) { return all }
        var out = [UInt8]()
        var cursor = start
        while out.count < length, let segment = space.segment(containing: cursor) {
            let take = Int(min(UInt64(length - out.count), segment.endAddress - cursor))
            guard take > 0, let chunk = space.bytes(at: cursor, count: take) else { break }
            out += chunk
            cursor &+= UInt64(take)
        }
        return out
    }

    func json(for file: MiniDumpFile) throws -> JSON {
        let space = file.addressSpace()
        if let address, let start = Self.parse(address) {
            let data = Self.readable(space, start: start, length: length)
            return .object([
                ("address", .hex(start)),
                ("requested", .number(length)),
                ("length", .number(data.count)),
                ("hex", .string(data.map { byte in
                    let text = String(byte, radix: 16)
                    return byte < 16 ? "0" + text : text
                }.joined())),
            ])
        }
        let shown = limit > 0 ? Array(space.segments.prefix(limit)) : space.segments
        return .object([
            ("memoryListCount", .number((try? file.memoryList())??.ranges.count ?? 0)),
            ("memory64ListCount", .number((try? file.memory64List())??.ranges.count ?? 0)),
            ("totalBytes", .number(space.totalBytes)),
            ("ranges", .array(shown.map { segment in
                .object([("address", .hex(segment.address)), ("size", .number(segment.size)), ("rva", .hex(segment.rva))])
            })),
            ("diagnostics", Render.diagnostics(space.diagnostics)),
        ])
    }

    func text(for file: MiniDumpFile) throws -> String {
        let space = file.addressSpace()
        let width = Render.addressWidth(file)
        if let address, let start = Self.parse(address) {
            let data = Self.readable(space, start: start, length: length)
            if data.isEmpty { return "\(Hex.format(start, digits: width)) is not in the dump." }
            var lines = [String]()
            var offset = 0
            while offset < data.count {
                let row = data[offset..<min(offset + 16, data.count)]
                let hex = row.map { byte -> String in
                    let text = String(byte, radix: 16)
                    return byte < 16 ? "0" + text : text
                }
                let padded = (hex + Array(repeating: "  ", count: 16 - hex.count))
                let left = padded[0..<8].joined(separator: " ")
                let right = padded[8..<16].joined(separator: " ")
                let ascii = String(row.map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "." })
                lines.append("\(Hex.format(start &+ UInt64(offset), digits: width))  \(left)  \(right)  |\(ascii)|")
                offset += 16
            }
            if data.count < length {
                lines.append("(\(length - data.count) bytes from \(Hex.format(start &+ UInt64(data.count), digits: width)) are not in the dump)")
            }
            return lines.joined(separator: "\n")
        }
        var table = TextTable(["START", "END", "SIZE", "RVA"], alignments: [.left, .left, .right, .right])
        let shown = limit > 0 ? Array(space.segments.prefix(limit)) : space.segments
        for segment in shown {
            table.add([
                Hex.format(segment.address, digits: width), Hex.format(segment.endAddress, digits: width),
                Format.bytes(segment.size), Hex.format(segment.rva, digits: 8),
            ])
        }
        var out = table.render()
        out += "\n\(space.segments.count) ranges, \(Format.bytes(space.totalBytes)) captured"
        if shown.count < space.segments.count { out += " (first \(shown.count) shown; --limit 0 for all)" }
        for diagnostic in space.diagnostics.prefix(20) { out += "\nwarning: \(diagnostic)" }
        if space.diagnostics.count > 20 { out += "\n(\(space.diagnostics.count - 20) more warnings)" }
        return out
    }
}
