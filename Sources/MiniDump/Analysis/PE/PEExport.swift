/// One exported function of a PE image, from its export directory (`IMAGE_EXPORT_DIRECTORY`).
///
/// Forwarded exports (whose address points back into the export directory, naming another DLL's
/// function) are not listed.
public struct PEExport: Sendable, Hashable {
    /// The function's offset from the image base.
    public var rva: UInt32
    /// The exported name, or `nil` for an export by ordinal only.
    public var name: String?
    /// The export ordinal (`Base` + index into `AddressOfFunctions`).
    public var ordinal: UInt32

    /// Creates an export record.
    public init(rva: UInt32, name: String?, ordinal: UInt32) {
        self.rva = rva
        self.name = name
        self.ordinal = ordinal
    }

    /// The name, or `Ordinal<n>` for an export without one (the form debuggers print).
    public var displayName: String { name ?? "Ordinal\(ordinal)" }
}
