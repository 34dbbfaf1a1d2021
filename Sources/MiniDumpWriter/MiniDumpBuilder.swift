/// Builds minidump files for tests, `TestDumps/` and benchmarks.
///
/// The layout is simple and deterministic: the 32-byte header, a directory with room for
/// `directoryCapacity` entries, then every blob and stream in the order they were added. Data that a
/// stream refers to (strings, stacks, contexts) is appended first with ``append(_:)``, which returns
/// its file offset (RVA), and the stream's own bytes are then added with ``addStream(_:_:)``.
///
/// ```swift
/// var builder = MiniDumpBuilder()
/// let nameRva = builder.appendString("C:\\app\\app.exe")
/// builder.addStream(4, moduleListBytes(nameRva: nameRva))
/// let dump: [UInt8] = builder.build()
/// ```
public struct MiniDumpBuilder: Sendable {
    /// A directory entry as it will be written.
    public struct Entry: Sendable {
        public var type: UInt32
        public var size: UInt32
        public var rva: UInt32
    }

    /// The file built so far (header and directory are filled in by ``build()``).
    public private(set) var file = ByteWriter()
    /// Directory entries in order.
    public var entries: [Entry] = []
    /// The header's version word.
    public var version: UInt32 = 0x0000_A793
    /// The header's `MINIDUMP_TYPE` flags.
    public var flags: UInt64 = 0
    /// The header's timestamp.
    public var timestamp: UInt32 = 0x6000_0000
    /// The header's signature (change it to build a non-dump).
    public var signature: UInt32 = 0x504D_444D
    /// How many directory entries fit before the first blob.
    public let directoryCapacity: Int

    public init(directoryCapacity: Int = 32) {
        self.directoryCapacity = directoryCapacity
        file.zeros(32 + 12 * directoryCapacity)
    }

    /// The file offset the next appended byte will have.
    public var nextRva: UInt32 { UInt32(truncatingIfNeeded: file.count) }

    /// Appends raw data (4-byte aligned) and returns its RVA.
    @discardableResult
    public mutating func append(_ data: [UInt8]) -> UInt32 {
        file.align(4)
        let rva = nextRva
        file.append(data)
        return rva
    }

    /// Appends a `MINIDUMP_STRING` (byte length, UTF-16LE, NUL terminator) and returns its RVA.
    @discardableResult
    public mutating func appendString(_ text: String) -> UInt32 {
        let units = ByteWriter.utf16(text)
        var writer = ByteWriter()
        writer.u32(UInt32(units.count))
        writer.append(units)
        writer.u16(0)
        return append(writer.bytes)
    }

    /// Appends a stream's bytes and records a directory entry for it; returns the stream's RVA.
    @discardableResult
    public mutating func addStream(_ type: UInt32, _ data: [UInt8]) -> UInt32 {
        let rva = append(data)
        entries.append(Entry(type: type, size: UInt32(truncatingIfNeeded: data.count), rva: rva))
        return rva
    }

    /// Records a directory entry with arbitrary (possibly hostile) size and RVA.
    public mutating func addEntry(type: UInt32, size: UInt32, rva: UInt32) {
        entries.append(Entry(type: type, size: size, rva: rva))
    }

    /// The finished file. Entries past ``directoryCapacity`` are dropped.
    public func build(streamCountOverride: UInt32? = nil) -> [UInt8] {
        var out = file
        var header = ByteWriter()
        header.u32(signature)
        header.u32(version)
        let count = min(entries.count, directoryCapacity)
        header.u32(streamCountOverride ?? UInt32(count))
        header.u32(32)
        header.u32(0)
        header.u32(timestamp)
        header.u64(flags)
        for (index, byte) in header.bytes.enumerated() { out.bytes[index] = byte }
        for (index, entry) in entries.prefix(count).enumerated() {
            let at = 32 + index * 12
            out.patch32(entry.type, at: at)
            out.patch32(entry.size, at: at + 4)
            out.patch32(entry.rva, at: at + 8)
        }
        return out.bytes
    }
}
