/// The on-disk context records this library decodes, and the choice between them.
///
/// The layout is chosen from the architecture (SystemInfo) and the record's size; the
/// architecture tag in the record's `ContextFlags` only breaks ties (a record longer than its
/// layout, or a size two layouts could explain). Without an architecture the size alone decides.
enum ContextLayout: CaseIterable {
    case amd64, x86, arm64Windows, arm64BreakpadOld, armBreakpad, armWindows

    /// The size of the fixed record.
    var size: Int {
        switch self {
        case .amd64: AMD64Context.layoutSize
        case .x86: X86Context.layoutSize
        case .arm64Windows: ARM64Context.windowsLayoutSize
        case .arm64BreakpadOld: ARM64Context.breakpadOldLayoutSize
        case .armBreakpad: ARMContext.breakpadLayoutSize
        case .armWindows: ARMContext.windowsLayoutSize
        }
    }

    /// The structure's name, for error messages.
    var name: String {
        switch self {
        case .amd64: "AMD64 CONTEXT"
        case .x86: "x86 CONTEXT"
        case .arm64Windows: "ARM64 CONTEXT"
        case .arm64BreakpadOld: "Breakpad MDRawContextARM64_Old"
        case .armBreakpad: "Breakpad MDRawContextARM"
        case .armWindows: "ARM CONTEXT"
        }
    }

    /// Where the flags lie, and the architecture tag they carry (bits above the low byte).
    private var tag: (offset: Int, value: UInt64, wide: Bool) {
        switch self {
        case .amd64: (0x30, UInt64(AMD64Context.Flags.amd64), false)
        case .x86: (0, UInt64(X86Context.Flags.x86), false)
        case .arm64Windows: (0, UInt64(ARM64Context.Flags.arm64), false)
        case .arm64BreakpadOld: (0, UInt64(ARM64Context.Flags.breakpadOld), true)
        case .armBreakpad: (0, UInt64(ARMContext.Flags.breakpad), false)
        case .armWindows: (0, UInt64(ARMContext.Flags.windows), false)
        }
    }

    /// True when the record's flags carry this layout's architecture tag.
    func isTagged(reader: ByteReader, range: Range<Int>) -> Bool {
        let (offset, value, wide) = tag
        let width = wide ? 8 : 4
        guard range.count >= offset + width else { return false }
        let flags = wide
            ? reader.loadUnchecked(UInt64.self, at: range.lowerBound + offset)
            : UInt64(reader.loadUnchecked(UInt32.self, at: range.lowerBound + offset))
        return flags & ~0xFF == value
    }

    /// The layouts an architecture can use, or `nil` when this library decodes none for it.
    static func layouts(for architecture: ProcessorArchitecture) -> [ContextLayout]? {
        switch architecture.canonical {
        case .amd64: [.amd64]
        case .x86, .x86OnWin64: [.x86]
        case .arm64: [.arm64Windows, .arm64BreakpadOld]
        case .arm: [.armBreakpad, .armWindows]
        default: nil
        }
    }

    /// Chooses the layout of the context record in `range` (a checked range of the file).
    ///
    /// With a known architecture: the layout whose size matches exactly; else the one whose flags
    /// tag matches and which the record is longer than (extended state follows it); else, for
    /// AMD64 and x86, their only layout when the record is longer. A record shorter than the layout
    /// its flags name, or than every layout of the architecture, throws
    /// ``MiniDumpError/Kind/truncated`` at the record's end. Without an architecture
    /// (`nil` or ``ProcessorArchitecture/unknown``) only an exact size or a tagged record is
    /// accepted (a tagged one that is too short is truncated). Anything else throws
    /// ``MiniDumpError/Kind/invalidValue`` naming the size.
    static func select(
        architecture: ProcessorArchitecture?, reader: ByteReader, range: Range<Int>, stream: StreamType?
    ) throws(MiniDumpError) -> ContextLayout {
        let size = range.count
        let inferring = architecture == nil || architecture == .unknown
        let candidates: [ContextLayout]
        if let architecture, !inferring {
            guard let list = layouts(for: architecture) else {
                throw MiniDumpError(
                    .invalidValue, offset: UInt64(range.lowerBound), stream: stream,
                    "no register layout is known for architecture \(architecture.name); the \(size)-byte context is not decoded")
            }
            candidates = list
        } else {
            candidates = allCases
        }
        let tagged = candidates.filter { $0.isTagged(reader: reader, range: range) }
        if let exact = tagged.first(where: { $0.size == size }) ?? candidates.first(where: { $0.size == size }) {
            return exact
        }
        if let longer = tagged.filter({ $0.size < size }).max(by: { $0.size < $1.size }) {
            return longer
        }
        if !inferring, candidates.count == 1, candidates[0].size < size { return candidates[0] }
        // Too short: for the layout its flags name, or (with a known architecture) for every
        // layout the architecture has.
        let smallest = inferring ? nil : candidates.min(by: { $0.size < $1.size })
        if let needed = tagged.first(where: { $0.size > size }) ?? smallest.flatMap({ $0.size > size ? $0 : nil }) {
            throw MiniDumpError(
                .truncated, offset: UInt64(range.upperBound), stream: stream,
                "\(needed.name) needs \(needed.size) bytes but the context record at \(Hex.format(range.lowerBound)) has \(size)")
        }
        let sizes = candidates.map { "\($0.size)" }.joined(separator: ", ")
        let scope = inferring ? "known" : architecture.map { $0.name } ?? "known"
        throw MiniDumpError(
            .invalidValue, offset: UInt64(range.lowerBound), stream: stream,
            "a \(size)-byte context matches no \(scope) layout (\(sizes) bytes)")
    }
}
