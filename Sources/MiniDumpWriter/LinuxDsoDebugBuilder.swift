import MiniDump

/// Builds Breakpad's `LinuxDsoDebug` stream (`0x4767000A`) as its 64-bit Linux writer lays it out:
/// `MDRawDebug64` in natural alignment (40 bytes: `version`, `map` RVA, `dso_count`, 4 bytes of
/// padding, `brk`, `ldbase`, `dynamic`) followed by the bytes of the `_DYNAMIC` section; `map`
/// points to an array of 24-byte `MDRawLinkMap64` (`addr`, `name` RVA of a `MINIDUMP_STRING`,
/// padding, `ld`).
public struct LinuxDsoDebugBuilder: StreamEncoding {
    /// One `MDRawLinkMap64`: a loaded object as the dynamic linker lists it.
    public struct LinkMap: Sendable, Hashable {
        /// `l_addr`: the load bias.
        public var address: UInt64
        /// `l_name`: the object's path.
        public var name: String
        /// `l_ld`: the address of its dynamic section.
        public var dynamicAddress: UInt64
        /// Creates a link-map entry.
        public init(address: UInt64, name: String, dynamicAddress: UInt64) {
            self.address = address
            self.name = name
            self.dynamicAddress = dynamicAddress
        }
    }

    /// Always ``StreamType/linuxDsoDebug``.
    public var streamType: StreamType { .linuxDsoDebug }
    /// `r_version` (1).
    public var version: UInt32 = 1
    /// The loaded objects.
    public var linkMaps: [LinkMap]
    /// `r_brk`.
    public var brk: UInt64
    /// `r_ldbase`.
    public var ldBase: UInt64
    /// The address of the executable's `_DYNAMIC`.
    public var dynamic: UInt64
    /// The `_DYNAMIC` section's bytes, appended to the stream after the header.
    public var dynamicSection: [UInt8]

    /// Creates a DSO debug record.
    public init(linkMaps: [LinkMap], brk: UInt64, ldBase: UInt64, dynamic: UInt64, dynamicSection: [UInt8] = []) {
        self.linkMaps = linkMaps
        self.brk = brk
        self.ldBase = ldBase
        self.dynamic = dynamic
        self.dynamicSection = dynamicSection
    }

    /// Appends the names and the link-map array, then returns the header and dynamic section.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var maps = ByteWriter()
        for map in linkMaps {
            maps.u64(map.address)
            maps.u32(builder.appendString(map.name))
            maps.u32(0)
            maps.u64(map.dynamicAddress)
        }
        let mapRva = linkMaps.isEmpty ? 0 : builder.append(maps.bytes)
        var writer = ByteWriter()
        writer.u32(version)
        writer.u32(mapRva)
        writer.u32(UInt32(linkMaps.count))
        writer.u32(0)
        writer.u64(brk)
        writer.u64(ldBase)
        writer.u64(dynamic)
        writer.append(dynamicSection)
        return writer.bytes
    }
}
