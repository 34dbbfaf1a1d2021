/// The LinuxDsoDebug stream (0x4767000A): the dynamic linker's `r_debug` state and its list of
/// loaded objects. Mirrors Breakpad's `MDRawDebug32` (24 bytes) / `MDRawDebug64` (40 bytes,
/// naturally aligned), followed in the stream by a copy of the executable's dynamic section.
///
/// The pointer size comes from the SystemInfo stream's architecture; without one, the 64-bit
/// layout is assumed when the stream holds at least 40 bytes and its alignment padding is zero.
public struct LinuxDsoDebugStream: Sendable {
    /// The size of the addresses in the structures, in bytes (4 or 8).
    public var pointerSize: Int
    /// The `r_debug` protocol version (`r_version`), usually 1.
    public var version: UInt32
    /// The file offset of the link map array.
    public var mapRva: UInt32
    /// The number of link map entries the stream declares (`dso_count`).
    public var dsoCount: UInt32
    /// The address of the linker's breakpoint function (`r_brk`).
    public var breakAddress: UInt64
    /// The linker's load address (`r_ldbase`).
    public var linkerBaseAddress: UInt64
    /// The address of the executable's dynamic section.
    public var dynamicAddress: UInt64
    /// The loaded objects, in the linker's order.
    public var linkMaps: [LinuxLinkMap]
    /// The copy of the executable's dynamic section that follows the header in the stream.
    public var dynamicSection: [UInt8]
    /// Object names that could not be read (the entry is kept with an empty name).
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: inout ByteCursor, reader: ByteReader, pointerSize knownSize: Int?) throws(MiniDumpError) {
        let pointerSize = knownSize ?? Self.guessPointerSize(cursor)
        self.pointerSize = pointerSize
        let name = pointerSize == 8 ? "MDRawDebug64" : "MDRawDebug32"
        version = try cursor.read(UInt32.self, "\(name).version")
        mapRva = try cursor.read(UInt32.self, "\(name).map")
        dsoCount = try cursor.read(UInt32.self, "\(name).dso_count")
        if pointerSize == 8 {
            try cursor.skip(4, "\(name) padding")
            breakAddress = try cursor.read(UInt64.self, "\(name).brk")
            linkerBaseAddress = try cursor.read(UInt64.self, "\(name).ldbase")
            dynamicAddress = try cursor.read(UInt64.self, "\(name).dynamic")
        } else {
            breakAddress = UInt64(try cursor.read(UInt32.self, "\(name).brk"))
            linkerBaseAddress = UInt64(try cursor.read(UInt32.self, "\(name).ldbase"))
            dynamicAddress = UInt64(try cursor.read(UInt32.self, "\(name).dynamic"))
        }
        dynamicSection = cursor.readRemainingBytes()

        let stride = pointerSize == 8 ? 24 : 12
        let table = try reader.checkedTable(
            offset: UInt64(mapRva), count: UInt64(dsoCount), stride: UInt64(stride), stream: .linuxDsoDebug,
            "\(name) link map array")
        var entries = reader.cursor(over: table, stream: .linuxDsoDebug)
        var linkMaps = [LinuxLinkMap]()
        linkMaps.reserveCapacity(table.count / stride)
        var diagnostics = [DumpDiagnostic]()
        var budget = ReferenceBudget(reader: reader)
        for index in 0..<(table.count / stride) {
            let loadBias: UInt64
            let nameRva: UInt32
            let dynamic: UInt64
            if pointerSize == 8 {
                loadBias = try entries.read(UInt64.self, "MDRawLinkMap64.addr")
                nameRva = try entries.read(UInt32.self, "MDRawLinkMap64.name")
                try entries.skip(4, "MDRawLinkMap64 padding")
                dynamic = try entries.read(UInt64.self, "MDRawLinkMap64.ld")
            } else {
                loadBias = UInt64(try entries.read(UInt32.self, "MDRawLinkMap32.addr"))
                nameRva = try entries.read(UInt32.self, "MDRawLinkMap32.name")
                dynamic = UInt64(try entries.read(UInt32.self, "MDRawLinkMap32.ld"))
            }
            let objectName = reader.minidumpStringOrDiagnostic(
                at: UInt64(nameRva), stream: .linuxDsoDebug, field: "name of link map \(index)",
                budget: &budget, into: &diagnostics)
            linkMaps.append(LinuxLinkMap(loadBias: loadBias, name: objectName ?? "", dynamicAddress: dynamic))
        }
        self.linkMaps = linkMaps
        self.diagnostics = diagnostics
    }

    /// 8 when the stream is long enough for `MDRawDebug64` and its padding after `dso_count` is
    /// zero, otherwise 4.
    static func guessPointerSize(_ cursor: ByteCursor) -> Int {
        guard cursor.remaining >= 40 else { return 4 }
        let padding: UInt32 = cursor.reader.loadUnchecked(UInt32.self, at: cursor.position + 12)
        return padding == 0 ? 8 : 4
    }
}
