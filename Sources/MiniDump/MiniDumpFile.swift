/// An opened minidump: its header and stream directory, with every stream decoded lazily on
/// first use.
///
/// Opening maps the file read-only and reads only the 32-byte header and the stream directory, so
/// opening a multi-GiB full-memory dump costs a few page faults. Values are cheap to copy and safe to
/// share between threads; the mapping is released when the last copy goes away.
///
/// ```swift
/// let dump = try MiniDumpFile(path: "w3wp.dmp")
/// for entry in dump.directory { print(entry.type.name, entry.size) }
/// ```
public struct MiniDumpFile: Sendable {
    /// How ``init(path:access:)`` brings the file into memory.
    public enum Access: Sendable, Hashable {
        /// Map the file read-only (the default). Cheap for huge files; if another process truncates
        /// the file while it is mapped, touching the lost pages raises `SIGBUS` on Linux and macOS.
        case mapped
        /// Read the whole file into memory. Costs its size in RAM, but is immune to the file
        /// changing underneath.
        case read
    }

    /// The decoded header.
    public let header: MiniDumpHeader
    /// Every directory entry, in file order, including unused and unknown ones.
    public let directory: [StreamDirectoryEntry]
    /// Problems found in the directory: streams past the end of the file, duplicate types.
    public let directoryDiagnostics: [DumpDiagnostic]
    /// The path the dump was opened from, or `nil` for bytes given in memory.
    public let path: String?

    let reader: ByteReader
    let cache: DecodeCache

    /// The size of the file in bytes.
    public var fileSize: Int { reader.count }

    /// Opens the minidump at `path`.
    ///
    /// Throws ``MiniDumpError`` when the file cannot be read, is not a minidump, or its stream
    /// directory does not fit in the file.
    public init(path: String, access: Access = .mapped) throws(MiniDumpError) {
        let storage = try ByteStorage.open(path: path, access: access == .mapped ? .map : .read)
        try self.init(storage: storage, path: path)
    }

    /// Opens a minidump held in memory (the bytes are copied once).
    public init(bytes: some Collection<UInt8>) throws(MiniDumpError) {
        try self.init(storage: ByteStorage(copying: bytes), path: nil)
    }

    init(storage: ByteStorage, path: String?) throws(MiniDumpError) {
        let reader = ByteReader(storage: storage)
        let header = try MiniDumpHeader(reader: reader)
        let table = try reader.checkedTable(
            offset: UInt64(header.streamDirectoryRva), count: UInt64(header.streamCount),
            stride: UInt64(StreamDirectoryEntry.stride), "stream directory")
        var entries = [StreamDirectoryEntry]()
        entries.reserveCapacity(Int(header.streamCount))
        var diagnostics = [DumpDiagnostic]()
        let repeated = Self.repeatedTypes(reader: reader, table: table, count: Int(header.streamCount))
        var at = table.lowerBound
        for index in 0..<Int(header.streamCount) {
            let type = StreamType(reader.loadUnchecked(UInt32.self, at: at))
            let size: UInt32 = reader.loadUnchecked(UInt32.self, at: at + 4)
            let rva: UInt32 = reader.loadUnchecked(UInt32.self, at: at + 8)
            let entry = StreamDirectoryEntry(index: index, type: type, size: size, rva: rva)
            entries.append(entry)
            if type != .unused {
                if reader.range(offset: UInt64(rva), length: UInt64(size)) == nil {
                    diagnostics.append(DumpDiagnostic(
                        stream: type, offset: UInt64(at),
                        "directory entry \(index) places \(size) bytes at \(Hex.format(rva)), past the end of the \(reader.count)-byte file"))
                }
                if repeated[index] {
                    diagnostics.append(DumpDiagnostic(
                        stream: type, offset: UInt64(at),
                        "directory entry \(index) repeats stream type \(type.name); the first one is used"))
                }
            }
            at += StreamDirectoryEntry.stride
        }
        self.header = header
        self.directory = entries
        self.directoryDiagnostics = diagnostics
        self.path = path
        self.reader = reader
        self.cache = DecodeCache()
    }

    /// For each of the `count` directory entries at `table`, whether an earlier entry has the same
    /// stream type. Found by sorting the entries by type rather than with a `Set`, whose first use in
    /// a process costs about 0.25 M instructions of runtime type instantiation (docs/performance.md).
    static func repeatedTypes(reader: ByteReader, table: Range<Int>, count: Int) -> [Bool] {
        let types = (0..<count).map { reader.loadUnchecked(UInt32.self, at: table.lowerBound + $0 * StreamDirectoryEntry.stride) }
        let order = types.indices.sorted { types[$0] != types[$1] ? types[$0] < types[$1] : $0 < $1 }
        var repeated = [Bool](repeating: false, count: count)
        for (previous, index) in zip(order, order.dropFirst()) where types[previous] == types[index] {
            repeated[index] = true
        }
        return repeated
    }

    /// The first directory entry of `type`, or `nil` when the dump has no such stream.
    public func entry(for type: StreamType) -> StreamDirectoryEntry? {
        directory.first { $0.type == type }
    }

    /// A copy of a stream's raw bytes; throws when the entry lies outside the file.
    public func rawBytes(of entry: StreamDirectoryEntry) throws(MiniDumpError) -> [UInt8] {
        reader.bytes(in: try streamRange(entry))
    }

    /// A copy of up to `count` bytes of the file starting at file offset `offset` (fewer at the end of
    /// the file, none past it).
    public func fileBytes(at offset: UInt64, count: Int) -> [UInt8] {
        guard offset < UInt64(reader.count), count > 0 else { return [] }
        let start = Int(offset)
        let end = start + min(count, reader.count - start)
        return reader.bytes(in: start..<end)
    }

    /// The checked file range of a stream.
    func streamRange(_ entry: StreamDirectoryEntry) throws(MiniDumpError) -> Range<Int> {
        try reader.checkedRange(
            offset: UInt64(entry.rva), length: UInt64(entry.size), stream: entry.type,
            "stream \(entry.type.name)")
    }

    /// A cursor over the first stream of `type`, or `nil` when the dump has none.
    func streamCursor(_ type: StreamType) throws(MiniDumpError) -> ByteCursor? {
        guard let entry = entry(for: type) else { return nil }
        return reader.cursor(over: try streamRange(entry), stream: type)
    }

    /// Decodes once per file and remembers the value (or the error).
    func cached<T: Sendable>(_ key: String, _ decode: () throws(MiniDumpError) -> T) throws(MiniDumpError) -> T {
        try cache.value(key, decode)
    }

    /// ``cached(_:_:)`` for a stream the dump may lack (`nil` is remembered too).
    func cached<T: Sendable>(_ key: String, _ decode: () throws(MiniDumpError) -> T?) throws(MiniDumpError) -> T? {
        try cache.value(key, decode)
    }
}
