import MiniDumpWriter

/// The first pages of a small x64 PE image as a loaded module holds them: headers, `.text` with
/// the functions' code, `.rdata` with their `UNWIND_INFO` and an export directory, and `.pdata`
/// with one `RUNTIME_FUNCTION` per function — enough for a stack walker to unwind through the
/// module with its own tables and to name the functions, as it does with a real dbghelp dump.
struct SyntheticImage {
    /// How a function sets up its frame, and so which unwind codes describe it.
    enum Prolog {
        /// `push rbp; mov rbp, rsp; sub rsp, locals` (MinGW and MSVC `/Oy-` code): the caller's
        /// RBP is saved at [rbp], the return address at [rbp + 8].
        case framePointer(locals: Int)
        /// `sub rsp, locals`: no frame pointer; the return address is at [rsp + locals].
        case stackOnly(locals: Int)

        /// Bytes the function adds to the stack below its return address.
        var frameSize: Int {
            switch self {
            case .framePointer(let locals): 8 + locals
            case .stackOnly(let locals): locals
            }
        }
    }

    /// One function: where it starts, its prolog, and the call it makes.
    struct Function {
        var name: String
        var rva: UInt32
        var prolog: Prolog
        /// Where its call goes: an address (a direct `call rel32`) or `nil` for an indirect call
        /// through an import slot (`call [rip+disp32]`).
        var callTarget: UInt64?

        /// The function's bytes and the offsets of its faulting instruction (a store to the new
        /// frame, where a stack overflow strikes) and of its return address (after the call).
        func code(base: UInt64) -> (bytes: [UInt8], faultOffset: Int, returnOffset: Int) {
            var bytes: [UInt8] = []
            switch prolog {
            case .framePointer(let locals):
                bytes += [0x55, 0x48, 0x89, 0xE5, 0x48, 0x83, 0xEC, UInt8(locals)]  // push rbp; mov rbp, rsp; sub rsp, n
            case .stackOnly(let locals):
                bytes += [0x48, 0x83, 0xEC, UInt8(locals)]  // sub rsp, n
            }
            let fault = bytes.count
            bytes += [0x48, 0x89, 0x4C, 0x24, 0x20]  // mov [rsp+20h], rcx
            if let callTarget {
                let next = base &+ UInt64(rva) &+ UInt64(bytes.count + 5)
                bytes += [0xE8] + ByteWriter.words32([UInt32(truncatingIfNeeded: callTarget &- next)])
            } else {
                bytes += [0xFF, 0x15, 0xF2, 0x1F, 0x00, 0x00]  // call [rip+1FF2h]
            }
            let returnOffset = bytes.count
            bytes += [0x90]
            switch prolog {
            case .framePointer: bytes += [0xC9, 0xC3]  // leave; ret
            case .stackOnly(let locals): bytes += [0x48, 0x83, 0xC4, UInt8(locals), 0xC3]  // add rsp, n; ret
            }
            return (bytes, fault, returnOffset)
        }

        /// The `UNWIND_INFO` for the prolog (version 1, no handler).
        var unwindInfo: [UInt8] {
            switch prolog {
            case .framePointer(let locals):
                // Codes in reverse prolog order: ALLOC_SMALL at 8, SET_FPREG at 4, PUSH_NONVOL(rbp) at 1.
                return [0x01, 8, 3, 0x05, 8, 0x02 | UInt8(locals / 8 - 1) << 4, 4, 0x03, 1, 0x50, 0, 0]
            case .stackOnly(let locals):
                return [0x01, 4, 1, 0x00, 4, 0x02 | UInt8(locals / 8 - 1) << 4, 0, 0]
            }
        }
    }

    static let textRva: UInt32 = 0x1000
    static let rdataRva: UInt32 = 0x2000
    static let pdataRva: UInt32 = 0x3000
    /// The bytes of the image the dump holds (headers and the three sections).
    static let capturedSize = 0x4000

    var name: String
    var base: UInt64
    var size: UInt32
    var timestamp: UInt32
    var functions: [Function]

    /// The address of `function`'s instruction at `offset`.
    func address(of function: Function, offset: Int) -> UInt64 {
        base + UInt64(function.rva) + UInt64(offset)
    }

    /// The captured first ``capturedSize`` bytes of the image.
    var bytes: [UInt8] {
        var image = ByteWriter()
        image.zeros(Self.capturedSize)
        // DOS header: "MZ", e_lfanew = 0x80.
        image.patch16(0x5A4D, at: 0)
        image.patch32(0x80, at: 0x3C)
        // NT headers: signature, IMAGE_FILE_HEADER, IMAGE_OPTIONAL_HEADER64 (0xF0 bytes).
        image.patch32(0x0000_4550, at: 0x80)
        image.patch16(0x8664, at: 0x84)              // Machine
        image.patch16(3, at: 0x86)                   // NumberOfSections
        image.patch32(timestamp, at: 0x88)           // TimeDateStamp
        image.patch16(0xF0, at: 0x94)                // SizeOfOptionalHeader
        image.patch16(0x0022, at: 0x96)              // EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE
        let optional = 0x98
        image.patch16(0x20B, at: optional)           // PE32+
        image.patch32(functions.first?.rva ?? Self.textRva, at: optional + 16)  // AddressOfEntryPoint
        image.patch64(base, at: optional + 24)       // ImageBase
        image.patch32(0x1000, at: optional + 32)     // SectionAlignment
        image.patch32(0x200, at: optional + 36)      // FileAlignment
        image.patch16(6, at: optional + 40)          // MajorOperatingSystemVersion
        image.patch16(6, at: optional + 48)          // MajorSubsystemVersion
        image.patch32(size, at: optional + 56)       // SizeOfImage
        image.patch32(0x400, at: optional + 60)      // SizeOfHeaders
        image.patch16(3, at: optional + 68)          // Subsystem: console
        image.patch32(16, at: optional + 108)        // NumberOfRvaAndSizes

        // .rdata: unwind infos, then the export directory.
        var rdata = ByteWriter()
        var unwindRvas: [UInt32] = []
        for function in functions {
            rdata.align(4)
            unwindRvas.append(Self.rdataRva + UInt32(rdata.count))
            rdata.append(function.unwindInfo)
        }
        rdata.align(4)
        let exportRva = Self.rdataRva + UInt32(rdata.count)
        let exportBytes = exports(at: exportRva)
        rdata.append(exportBytes)

        // .text: each function at its RVA.
        var textEnd = Self.textRva
        for function in functions {
            let code = function.code(base: base).bytes
            let at = Int(function.rva)
            for (index, byte) in code.enumerated() { image.bytes[at + index] = byte }
            textEnd = max(textEnd, function.rva + UInt32(code.count))
        }
        for (index, byte) in rdata.bytes.enumerated() { image.bytes[Int(Self.rdataRva) + index] = byte }

        // .pdata: RUNTIME_FUNCTION entries sorted by start.
        var pdata = ByteWriter()
        for (function, unwind) in zip(functions, unwindRvas).sorted(by: { $0.0.rva < $1.0.rva }) {
            let length = UInt32(function.code(base: base).bytes.count)
            pdata.u32(function.rva)
            pdata.u32(function.rva + length)
            pdata.u32(unwind)
        }
        for (index, byte) in pdata.bytes.enumerated() { image.bytes[Int(Self.pdataRva) + index] = byte }

        // Data directories: export (0) and exception (3).
        let directories = optional + 112
        image.patch32(exportRva, at: directories)
        image.patch32(UInt32(exportBytes.count), at: directories + 4)
        image.patch32(Self.pdataRva, at: directories + 3 * 8)
        image.patch32(UInt32(pdata.count), at: directories + 3 * 8 + 4)

        // Section table.
        let sections: [(String, UInt32, UInt32, UInt32)] = [
            (".text", Self.textRva, textEnd - Self.textRva, 0x6000_0020),
            (".rdata", Self.rdataRva, UInt32(rdata.count), 0x4000_0040),
            (".pdata", Self.pdataRva, UInt32(pdata.count), 0x4000_0040),
        ]
        var at = optional + 0xF0
        for (name, rva, virtualSize, characteristics) in sections {
            for (index, byte) in name.utf8.enumerated() { image.bytes[at + index] = byte }
            image.patch32(virtualSize, at: at + 8)
            image.patch32(rva, at: at + 12)
            image.patch32((virtualSize + 0x1FF) & ~0x1FF, at: at + 16)
            image.patch32(rva, at: at + 20)
            image.patch32(characteristics, at: at + 36)
            at += 40
        }
        return image.bytes
    }

    /// `IMAGE_EXPORT_DIRECTORY` at `rva`, with the function table, name table (sorted by name, as
    /// the loader needs), ordinal table and the names.
    private func exports(at rva: UInt32) -> [UInt8] {
        let moduleName = String(name.split(separator: "\\").last ?? Substring(name))
        let count = functions.count
        let functionsRva = rva + 40
        let namesRva = functionsRva + UInt32(4 * count)
        let ordinalsRva = namesRva + UInt32(4 * count)
        var strings = ByteWriter()
        let stringsRva = ordinalsRva + UInt32(2 * count)
        let moduleNameRva = stringsRva
        strings.append(Array(moduleName.utf8) + [0])
        let byName = functions.indices.sorted { functions[$0].name < functions[$1].name }
        var nameRvas: [UInt32] = []
        for index in byName {
            nameRvas.append(stringsRva + UInt32(strings.count))
            strings.append(Array(functions[index].name.utf8) + [0])
        }
        var out = ByteWriter()
        out.u32(0)                       // Characteristics
        out.u32(timestamp)               // TimeDateStamp
        out.u32(0)                       // Major/MinorVersion
        out.u32(moduleNameRva)           // Name
        out.u32(1)                       // Base
        out.u32(UInt32(count))           // NumberOfFunctions
        out.u32(UInt32(count))           // NumberOfNames
        out.u32(functionsRva)
        out.u32(namesRva)
        out.u32(ordinalsRva)
        for function in functions { out.u32(function.rva) }
        for nameRva in nameRvas { out.u32(nameRva) }
        for index in byName { out.u16(UInt16(index)) }
        out.append(strings.bytes)
        return out.bytes
    }
}
