/// The LinuxAuxv stream (0x47670008): a copy of `/proc/<pid>/auxv`, the ELF auxiliary vector.
///
/// Entries are pairs of pointer-sized values. The pointer size comes from the SystemInfo
/// stream's architecture; without one, 8 is used when the stream length is a multiple of 16 and
/// every type read that way fits in 32 bits, otherwise 4.
public struct LinuxAuxvStream: Sendable {
    /// The size of each half of an entry, in bytes (4 or 8).
    public var pointerSize: Int
    /// The entries up to (not including) the terminating `AT_NULL`.
    public var entries: [LinuxAuxvEntry]
    /// A stream whose length is not a whole number of entries.
    public var diagnostics: [DumpDiagnostic]

    /// The value of the first entry of `type`, or `nil` when there is none.
    public func value(for type: LinuxAuxvType) -> UInt64? {
        entries.first { $0.type == type }?.value
    }

    init(parsing cursor: inout ByteCursor, pointerSize knownSize: Int?) throws(MiniDumpError) {
        let pointerSize = knownSize ?? Self.guessPointerSize(cursor)
        self.pointerSize = pointerSize
        var diagnostics = [DumpDiagnostic]()
        var entries = [LinuxAuxvEntry]()
        let pairSize = 2 * pointerSize
        entries.reserveCapacity(cursor.remaining / pairSize)
        while cursor.remaining >= pairSize {
            let type: UInt64
            let value: UInt64
            if pointerSize == 8 {
                type = try cursor.read(UInt64.self, "auxv a_type")
                value = try cursor.read(UInt64.self, "auxv a_val")
            } else {
                type = UInt64(try cursor.read(UInt32.self, "auxv a_type"))
                value = UInt64(try cursor.read(UInt32.self, "auxv a_val"))
            }
            if type == LinuxAuxvType.null.rawValue { break }
            entries.append(LinuxAuxvEntry(type: LinuxAuxvType(type), value: value))
        }
        if cursor.remaining > 0, cursor.remaining < pairSize {
            diagnostics.append(DumpDiagnostic(
                stream: .linuxAuxv, offset: cursor.offset,
                "\(cursor.remaining) trailing bytes do not make a \(pairSize)-byte auxv entry"))
        }
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// 8 when the bytes read as 64-bit pairs look like an auxiliary vector, otherwise 4.
    static func guessPointerSize(_ cursor: ByteCursor) -> Int {
        let length = cursor.remaining
        guard length >= 16, length % 16 == 0 else { return 4 }
        var at = cursor.position
        while at + 16 <= cursor.end {
            let type: UInt64 = cursor.reader.loadUnchecked(UInt64.self, at: at)
            if type > UInt64(UInt32.max) { return 4 }
            if type == 0 { break }
            at += 16
        }
        return 8
    }
}
