import MiniDump
import MiniDumpWriter

/// A module to write into a built ModuleList stream.
struct TestModule {
    var base: UInt64
    var size: UInt32
    var checksum: UInt32 = 0
    var timestamp: UInt32 = 0
    /// Written as a MINIDUMP_STRING unless `nameRva` is set.
    var name: String = ""
    var nameRva: UInt32?
    /// The 13 words of VS_FIXEDFILEINFO (zero-filled when shorter).
    var versionInfo: [UInt32] = []
    /// The CodeView record's bytes, appended to the file unless `codeViewLocation` is set.
    var codeView: [UInt8]?
    var codeViewLocation: (size: UInt32, rva: UInt32)?
}

/// Byte builders for the module and memory-info streams, written independently of the decoder.
enum ModuleStreamBytes {
    /// Appends names and CodeView records to `builder` and returns the ModuleList stream bytes.
    static func moduleList(
        _ modules: [TestModule], into builder: inout MiniDumpBuilder, padded: Bool = false, count: UInt32? = nil
    ) -> [UInt8] {
        var entries = ByteWriter()
        for module in modules {
            let nameRva = module.nameRva ?? builder.appendString(module.name)
            var codeView: (size: UInt32, rva: UInt32) = (0, 0)
            if let location = module.codeViewLocation {
                codeView = location
            } else if let bytes = module.codeView {
                codeView = (UInt32(bytes.count), builder.append(bytes))
            }
            entries.u64(module.base)
            entries.u32(module.size)
            entries.u32(module.checksum)
            entries.u32(module.timestamp)
            entries.u32(nameRva)
            for index in 0..<13 { entries.u32(index < module.versionInfo.count ? module.versionInfo[index] : 0) }
            entries.u32(codeView.size)
            entries.u32(codeView.rva)
            entries.u32(0)  // MiscRecord.DataSize
            entries.u32(0)  // MiscRecord.Rva
            entries.u64(0)
            entries.u64(0)
        }
        var stream = ByteWriter()
        stream.u32(count ?? UInt32(modules.count))
        if padded { stream.u32(0) }
        stream.append(entries.bytes)
        return stream.bytes
    }

    /// VS_FIXEDFILEINFO words with the given versions (`[major, minor, build, revision]`).
    static func versionInfo(signature: UInt32 = 0xFEEF_04BD, file: [UInt16], product: [UInt16]) -> [UInt32] {
        [signature, 0x0001_0000,
         UInt32(file[0]) << 16 | UInt32(file[1]), UInt32(file[2]) << 16 | UInt32(file[3]),
         UInt32(product[0]) << 16 | UInt32(product[1]), UInt32(product[2]) << 16 | UInt32(product[3]),
         0x3F, 0, 0x40004, 2, 0, 0, 0]
    }

    /// An `RSDS` record: signature, the 16 GUID bytes as stored, age, NUL-terminated UTF-8 name.
    static func rsds(guidBytes: [UInt8], age: UInt32, pdb: String) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(Array("RSDS".utf8))
        writer.append(guidBytes)
        writer.u32(age)
        writer.append(Array(pdb.utf8))
        writer.u8(0)
        return writer.bytes
    }

    /// An `NB10` record: signature, offset 0, 32-bit signature, age, NUL-terminated name.
    static func nb10(signature: UInt32, age: UInt32, pdb: String) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(Array("NB10".utf8))
        writer.u32(0)
        writer.u32(signature)
        writer.u32(age)
        writer.append(Array(pdb.utf8))
        writer.u8(0)
        return writer.bytes
    }

    /// A Breakpad ELF record: the bytes `LEpB` then the build id.
    static func elf(buildID: [UInt8]) -> [UInt8] { Array("LEpB".utf8) + buildID }

    /// A MINIDUMP_UNLOADED_MODULE_LIST with `entrySize`-byte entries (extra bytes zero).
    static func unloadedList(
        _ modules: [TestModule], into builder: inout MiniDumpBuilder, headerSize: UInt32 = 12,
        entrySize: UInt32 = 24, count: UInt32? = nil
    ) -> [UInt8] {
        var stream = ByteWriter()
        stream.u32(headerSize)
        stream.u32(entrySize)
        stream.u32(count ?? UInt32(modules.count))
        if headerSize > 12 && headerSize <= 0x100 { stream.zeros(Int(headerSize) - 12) }  // hostile sizes: no padding
        for module in modules {
            let nameRva = module.nameRva ?? builder.appendString(module.name)
            stream.u64(module.base)
            stream.u32(module.size)
            stream.u32(module.checksum)
            stream.u32(module.timestamp)
            stream.u32(nameRva)
            if entrySize > 24 { stream.zeros(Int(entrySize) - 24) }
        }
        return stream.bytes
    }

    /// A MINIDUMP_MEMORY_INFO_LIST; each region is `(base, size, state, protect, type)`.
    static func memoryInfoList(
        _ regions: [(base: UInt64, size: UInt64, state: UInt32, protect: UInt32, type: UInt32)],
        headerSize: UInt32 = 16, entrySize: UInt32 = 48, count: UInt64? = nil
    ) -> [UInt8] {
        var stream = ByteWriter()
        stream.u32(headerSize)
        stream.u32(entrySize)
        stream.u64(count ?? UInt64(regions.count))
        if headerSize > 16 && headerSize <= 0x100 { stream.zeros(Int(headerSize) - 16) }  // hostile sizes: no padding
        for region in regions {
            stream.u64(region.base)
            stream.u64(region.base & ~0xFFFF)  // AllocationBase
            stream.u32(region.protect)  // AllocationProtect
            stream.u32(0)
            stream.u64(region.size)
            stream.u32(region.state)
            stream.u32(region.protect)
            stream.u32(region.type)
            stream.u32(0)
            if entrySize > 48 { stream.zeros(Int(entrySize) - 48) }
        }
        return stream.bytes
    }
}
