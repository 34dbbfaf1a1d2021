import MiniDump

/// Builds minidump files for tests, `TestDumps/` and benchmarks.
///
/// The layout is simple and deterministic: the 32-byte header, a directory with room for
/// `directoryCapacity` entries, then every blob and stream in the order they were added, and last the
/// data of any `Memory64List` (which the format requires to be one run at the end). Data that a stream
/// refers to (strings, stacks, contexts) is appended first with ``append(_:)``,
/// ``appendString(_:)``, ``appendMemory(address:bytes:)`` or ``appendLocation(_:)``, which return its
/// file offset (RVA), and the stream's own bytes are then added with ``addStream(_:_:)``
/// or, for a typed stream, ``add(_:)``.
///
/// ```swift
/// var builder = MiniDumpBuilder()
/// builder.add(SystemInfoBuilder.windows10AMD64())
/// builder.add(ModuleListBuilder(modules: [.init(name: "C:\\app\\app.exe", base: 0x1_4000_0000, size: 0x5000)]))
/// let dump: [UInt8] = builder.build()
/// ```
///
/// Small dumps come out as an array with ``build(streamCountOverride:)``; large ones go to a file with
/// ``write(toPath:)``, which leaves the zero parts of Memory64 ranges as sparse holes.
public struct MiniDumpBuilder: Sendable {
    /// A directory entry as it will be written (`MINIDUMP_DIRECTORY`).
    public struct Entry: Sendable, Hashable {
        /// The stream type.
        public var type: UInt32
        /// The stream size in bytes.
        public var size: UInt32
        /// The stream's file offset.
        public var rva: UInt32
    }

    /// Memory64 ranges whose data goes at the end of the file, and where their list stores `BaseRva`.
    struct DeferredMemory64: Sendable {
        var baseRvaOffset: Int
        var ranges: [Memory64ListBuilder.Range]
    }

    /// The file built so far (header and directory are filled in by ``build(streamCountOverride:)``).
    public private(set) var file = ByteWriter()
    /// Directory entries in order.
    public var entries: [Entry] = []
    /// The header's version word: `0xA793` in the low half, the writer's implementation version in
    /// the high half.
    public var version: UInt32 = 0x0000_A793
    /// The header's `MINIDUMP_TYPE` flags.
    public var flags: UInt64 = 0
    /// The header's timestamp (`time_t`, seconds since 1970).
    public var timestamp: UInt32 = 0x6000_0000
    /// The header's checksum field (writers leave it 0).
    public var checksum: UInt32 = 0
    /// The header's signature (change it to build a non-dump).
    public var signature: UInt32 = 0x504D_444D
    /// How many directory entries fit before the first blob.
    public let directoryCapacity: Int

    var deferredMemory64: [DeferredMemory64] = []

    /// A 32-bit RVA field to fill with the file offset of one Memory64 range's data.
    struct Memory64Fixup: Sendable {
        var fileOffset: Int
        var list: Int
        var range: Int
    }

    var memory64Fixups: [Memory64Fixup] = []

    /// Creates a builder whose directory holds up to `directoryCapacity` entries.
    public init(directoryCapacity: Int = 32) {
        self.directoryCapacity = max(directoryCapacity, 0)
        file.zeros(32 + 12 * self.directoryCapacity)
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

    /// Appends raw data (4-byte aligned) and returns its location (size and RVA).
    @discardableResult
    public mutating func appendLocation(_ data: [UInt8]) -> WrittenLocation {
        WrittenLocation(size: UInt32(truncatingIfNeeded: data.count), rva: append(data))
    }

    /// Appends the bytes of process memory at `address` and returns their descriptor, ready for a
    /// thread's stack, a `MemoryList` or an exception context.
    @discardableResult
    public mutating func appendMemory(address: UInt64, bytes: [UInt8]) -> WrittenMemory {
        WrittenMemory(address: address, size: UInt32(truncatingIfNeeded: bytes.count), rva: append(bytes))
    }

    /// Appends a `MINIDUMP_STRING` (byte length, UTF-16LE, NUL terminator) and returns its RVA.
    @discardableResult
    public mutating func appendString(_ text: String) -> UInt32 {
        let units = ByteWriter.utf16(text)
        var writer = ByteWriter()
        writer.u32(UInt32(truncatingIfNeeded: units.count))
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

    /// Appends a stream's bytes and records a directory entry for it; returns the stream's RVA.
    @discardableResult
    public mutating func addStream(_ type: StreamType, _ data: [UInt8]) -> UInt32 {
        addStream(type.rawValue, data)
    }

    /// Lays out a typed stream (its referenced data, then the stream) and records its directory
    /// entry; returns the stream's RVA.
    @discardableResult
    public mutating func add(_ stream: some StreamEncoding) -> UInt32 {
        stream.write(into: &self)
    }

    /// Records a directory entry with arbitrary (possibly hostile) size and RVA.
    public mutating func addEntry(type: UInt32, size: UInt32, rva: UInt32) {
        entries.append(Entry(type: type, size: size, rva: rva))
    }

    /// Adds a `MINIDUMP_MEMORY64_LIST` stream for `ranges`; their data is placed after everything
    /// else, back to back from the list's `BaseRva`, when the file is built or written. Returns the
    /// stream's RVA.
    @discardableResult
    public mutating func addMemory64List(_ ranges: [Memory64ListBuilder.Range]) -> UInt32 {
        var writer = ByteWriter()
        writer.u64(UInt64(ranges.count))
        writer.u64(0)  // BaseRva, patched once the layout is final
        for range in ranges {
            writer.u64(range.address)
            writer.u64(range.size)
        }
        let rva = addStream(StreamType.memory64List.rawValue, writer.bytes)
        deferredMemory64.append(DeferredMemory64(baseRvaOffset: Int(rva) + 8, ranges: ranges))
        return rva
    }

    /// Makes the 32-bit RVA field already written at file offset `fileOffset` point at the data of
    /// range `range` of the `list`-th Memory64 list (0 for the first), once the layout is final — so a
    /// full dump's thread stacks can point into the Memory64 data, as dbghelp writes them. A data
    /// offset beyond 4 GiB cannot be expressed and is written as 0; an unknown list or range is
    /// ignored.
    public mutating func setMemory64Rva(at fileOffset: Int, list: Int = 0, range: Int) {
        memory64Fixups.append(Memory64Fixup(fileOffset: fileOffset, list: list, range: range))
    }

    /// Overwrites a 32-bit value already written at file offset `offset` (to make a field hostile
    /// after the fact).
    public mutating func patch32(_ value: UInt32, at offset: Int) { file.patch32(value, at: offset) }

    /// Overwrites a 64-bit value already written at file offset `offset`.
    public mutating func patch64(_ value: UInt64, at offset: Int) { file.patch64(value, at: offset) }

    /// The size the finished file will have, Memory64 data included.
    public var fileSize: UInt64 {
        layoutMemory64().end
    }

    /// The header and directory written over the blobs, with Memory64 `BaseRva` fields patched;
    /// the Memory64 data itself is not included.
    func finalizedPrefix(streamCountOverride: UInt32?) -> (prefix: ByteWriter, layout: Memory64Layout) {
        var out = file
        var header = ByteWriter()
        header.u32(signature)
        header.u32(version)
        let count = min(entries.count, directoryCapacity)
        header.u32(streamCountOverride ?? UInt32(count))
        header.u32(32)
        header.u32(checksum)
        header.u32(timestamp)
        header.u64(flags)
        for (index, byte) in header.bytes.enumerated() { out.bytes[index] = byte }
        for (index, entry) in entries.prefix(count).enumerated() {
            let at = 32 + index * 12
            out.patch32(entry.type, at: at)
            out.patch32(entry.size, at: at + 4)
            out.patch32(entry.rva, at: at + 8)
        }
        let layout = layoutMemory64()
        for (deferred, base) in zip(deferredMemory64, layout.baseOffsets) {
            out.patch64(base, at: deferred.baseRvaOffset)
        }
        if !memory64Fixups.isEmpty {
            var starts: [Int: [UInt64]] = [:]
            for fixup in memory64Fixups where deferredMemory64.indices.contains(fixup.list) {
                if starts[fixup.list] == nil {
                    var offset = layout.baseOffsets[fixup.list]
                    starts[fixup.list] = deferredMemory64[fixup.list].ranges.map { range in
                        defer { offset += range.size }
                        return offset
                    }
                }
                guard let list = starts[fixup.list], list.indices.contains(fixup.range) else { continue }
                out.patch32(UInt32(exactly: list[fixup.range]) ?? 0, at: fixup.fileOffset)
            }
        }
        return (out, layout)
    }

    /// Where the Memory64 data of each deferred list begins, and where the file ends.
    struct Memory64Layout {
        var baseOffsets: [UInt64]
        var end: UInt64
    }

    func layoutMemory64() -> Memory64Layout {
        guard !deferredMemory64.isEmpty else { return Memory64Layout(baseOffsets: [], end: UInt64(file.count)) }
        var offset = UInt64(file.count + (16 - file.count % 16) % 16)
        var bases: [UInt64] = []
        for deferred in deferredMemory64 {
            bases.append(offset)
            for range in deferred.ranges { offset += range.size }
        }
        return Memory64Layout(baseOffsets: bases, end: offset)
    }

    /// The finished file in memory, Memory64 data included (holes become zeros). Entries past
    /// ``directoryCapacity`` are dropped; `streamCountOverride` replaces the header's stream count
    /// (to build a hostile header).
    public func build(streamCountOverride: UInt32? = nil) -> [UInt8] {
        var (out, layout) = finalizedPrefix(streamCountOverride: streamCountOverride)
        guard !deferredMemory64.isEmpty else { return out.bytes }
        out.pad(to: Int(layout.baseOffsets[0]))
        for deferred in deferredMemory64 {
            for range in deferred.ranges {
                out.append(range.bytes)
                out.zeros(Int(range.size) - range.bytes.count)
            }
        }
        return out.bytes
    }
}
