import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// Context records built by hand at the offsets winnt.h and Breakpad's headers give.
@Suite struct ContextLayoutTests {
    /// A zero-filled record with little-endian stores.
    struct RawContext {
        var bytes: [UInt8]
        init(size: Int) { bytes = Array(repeating: 0, count: size) }
        mutating func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { raw in
                for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
            }
        }
    }

    /// A dump holding `bytes` as a blob, and the blob's file offset.
    static func dump(holding bytes: [UInt8]) throws -> (MiniDumpFile, UInt64) {
        var builder = MiniDumpBuilder()
        let rva = builder.append(bytes)
        return (try MiniDumpFile(bytes: builder.build()), UInt64(rva))
    }

    static func decode(_ record: RawContext, _ architecture: ProcessorArchitecture?) throws -> CPUContext {
        let (dump, rva) = try dump(holding: record.bytes)
        return try dump.context(at: LocationDescriptor(size: UInt64(record.bytes.count), rva: rva), architecture: architecture)
    }

    @Test func amd64RecordDecodesEveryRegister() throws {
        var record = RawContext(size: 1232)
        record.put(UInt32(0x0010_0007), at: 0x30)  // CONTROL | INTEGER | SEGMENTS
        let segments: [(AMD64Register, UInt16)] = [(.cs, 0x33), (.ds, 0x2B), (.es, 0x2C), (.fs, 0x53), (.gs, 0x2D), (.ss, 0x2E)]
        for (index, (_, value)) in segments.enumerated() { record.put(value, at: 0x38 + 2 * index) }
        record.put(UInt32(0x0001_0246), at: 0x44)
        let order: [AMD64Register] = [.rax, .rcx, .rdx, .rbx, .rsp, .rbp, .rsi, .rdi,
                                      .r8, .r9, .r10, .r11, .r12, .r13, .r14, .r15, .rip]
        for (index, _) in order.enumerated() { record.put(0xA000_0000_0000_0000 | UInt64(index), at: 0x78 + 8 * index) }
        guard case .amd64(let context) = try Self.decode(record, .amd64) else {
            Issue.record("not decoded as AMD64")
            return
        }
        for (index, register) in order.enumerated() { #expect(context[register] == 0xA000_0000_0000_0000 | UInt64(index)) }
        for (register, value) in segments { #expect(context[register] == UInt64(value)) }
        #expect(context[.eflags] == 0x0001_0246)
        #expect(context.validRegisters == AMD64Register.allCases)
        #expect(context.extendedStateSize == 0)
        let cpu = CPUContext.amd64(context)
        #expect(cpu.instructionPointer == 0xA000_0000_0000_0010)
        #expect(cpu.stackPointer == 0xA000_0000_0000_0004)
        #expect(cpu.framePointer == 0xA000_0000_0000_0005)
        #expect(cpu.pointerSize == 8)
        #expect(cpu.generalRegisters.map(\.name) == AMD64Register.allCases.map(\.name))
        #expect(cpu.generalRegisters.first == RegisterValue(name: "rax", value: 0xA000_0000_0000_0000, bitWidth: 64))
    }

    @Test func x86RecordDecodesEveryRegister() throws {
        var record = RawContext(size: 716)
        record.put(UInt32(0x0001_0007), at: 0)
        let order: [X86Register] = [.gs, .fs, .es, .ds, .edi, .esi, .ebx, .edx, .ecx, .eax, .ebp, .eip, .cs, .eflags, .esp, .ss]
        for (index, _) in order.enumerated() { record.put(UInt32(0x7000_0000 + index), at: 0x8C + 4 * index) }
        let cpu = try Self.decode(record, .x86)
        guard case .x86(let context) = cpu else {
            Issue.record("not decoded as x86")
            return
        }
        for (index, register) in order.enumerated() { #expect(context[register] == UInt64(0x7000_0000 + index)) }
        #expect(cpu.instructionPointer == 0x7000_000B)
        #expect(cpu.stackPointer == 0x7000_000E)
        #expect(cpu.framePointer == 0x7000_000A)
        #expect(cpu.pointerSize == 4)
        #expect(cpu.architecture == .x86)
    }

    @Test func arm64LayoutsPlaceCpsrDifferently() throws {
        var windows = RawContext(size: 0x390)
        windows.put(ARM64Context.Flags.control | ARM64Context.Flags.integer, at: 0)
        windows.put(UInt32(0x6000_0000), at: 4)
        var old = RawContext(size: 796)
        old.put(UInt64(ARM64Context.Flags.breakpadOldInteger), at: 0)
        old.put(UInt32(0x2000_0000), at: 0x110)
        for number in 0...30 {
            windows.put(UInt64(0x1000 + number), at: 8 + 8 * number)
            old.put(UInt64(0x1000 + number), at: 8 + 8 * number)
        }
        for record in [windows, old] {
            var record = record
            record.put(UInt64(0x7FFF_0000), at: 0x100)
            record.put(UInt64(0x4000_1234), at: 0x108)
            for architecture in [ProcessorArchitecture.arm64, .breakpadArm64Old, nil] {
                let cpu = try Self.decode(record, architecture)
                guard case .arm64(let context) = cpu else {
                    Issue.record("not decoded as ARM64")
                    continue
                }
                #expect(context.layout == (record.bytes.count == 796 ? .breakpadOld : .windows))
                #expect(context[.cpsr] == (record.bytes.count == 796 ? 0x2000_0000 : 0x6000_0000))
                #expect(context[.x0] == 0x1000)
                #expect(context[.x28] == 0x1000 + 28)
                #expect(context[.fp] == 0x1000 + 29)
                #expect(context[.lr] == 0x1000 + 30)
                #expect(cpu.stackPointer == 0x7FFF_0000)
                #expect(cpu.instructionPointer == 0x4000_1234)
                #expect(cpu.framePointer == 0x1000 + 29)
            }
        }
    }

    @Test func armLayoutsDecodeCoreRegisters() throws {
        for (size, flags) in [(368, ARMContext.Flags.breakpadInteger), (0x1A0, ARMContext.Flags.windowsControl | 0x2)] {
            var record = RawContext(size: size)
            record.put(flags, at: 0)
            for number in 0...15 { record.put(UInt32(0x100 + number), at: 4 + 4 * number) }
            record.put(UInt32(0x6000_0010), at: 0x44)
            for architecture in [ProcessorArchitecture.arm, nil] {
                let cpu = try Self.decode(record, architecture)
                guard case .arm(let context) = cpu else {
                    Issue.record("not decoded as ARM")
                    continue
                }
                #expect(context.layout == (size == 368 ? .breakpad : .windows))
                #expect(context.validRegisters == ARMRegister.allCases)
                #expect(context[.r0] == 0x100)
                #expect(cpu.stackPointer == 0x10D)
                #expect(context[.lr] == 0x10E)
                #expect(cpu.instructionPointer == 0x10F)
                #expect(cpu.framePointer == 0x10B)
                #expect(context[.cpsr] == 0x6000_0010)
            }
        }
    }

    @Test func validityFlagsMakeRegistersNil() throws {
        var amd64 = RawContext(size: 1232)
        amd64.put(AMD64Context.Flags.control, at: 0x30)
        amd64.put(UInt64(5), at: 0x78)          // rax, not captured
        amd64.put(UInt64(0x1234), at: 0xF8)     // rip
        guard case .amd64(let a) = try Self.decode(amd64, .amd64) else { Issue.record("AMD64"); return }
        #expect(a[.rax] == nil)
        #expect(a[.rbp] == nil)
        #expect(a[.ds] == nil)
        #expect(a[.rip] == 0x1234)
        #expect(a[.rsp] == 0)
        #expect(Set(a.validRegisters) == [.rip, .rsp, .cs, .ss, .eflags])
        #expect(CPUContext.amd64(a).framePointer == nil)

        var x86 = RawContext(size: 716)
        x86.put(X86Context.Flags.integer, at: 0)
        x86.put(UInt32(9), at: 0xB0)            // eax
        guard case .x86(let b) = try Self.decode(x86, .x86) else { Issue.record("x86"); return }
        #expect(b[.eax] == 9)
        #expect(b[.eip] == nil)
        #expect(CPUContext.x86(b).instructionPointer == nil)
        #expect(CPUContext.x86(b).generalRegisters.map(\.name) == ["eax", "ebx", "ecx", "edx", "esi", "edi"])

        var arm64 = RawContext(size: 0x390)
        arm64.put(ARM64Context.Flags.control, at: 0)
        guard case .arm64(let c) = try Self.decode(arm64, .arm64) else { Issue.record("ARM64"); return }
        #expect(c[.x0] == nil)
        #expect(c[.pc] == 0)
        #expect(Set(c.validRegisters) == [.fp, .lr, .sp, .pc, .cpsr])

        var arm = RawContext(size: 0x1A0)
        arm.put(ARMContext.Flags.windowsInteger, at: 0)
        guard case .arm(let d) = try Self.decode(arm, .arm) else { Issue.record("ARM"); return }
        #expect(d[.r12] == 0)
        #expect(d[.pc] == nil)
    }

    @Test func flagsWithoutRegisterGroupsMeanEverythingCaptured() throws {
        // Breakpad's macOS writer stores 0x100000 (CONTEXT_AMD64 alone) with every register filled.
        var record = RawContext(size: 1232)
        record.put(AMD64Context.Flags.amd64, at: 0x30)
        record.put(UInt64(0x7FF0), at: 0x98)    // rsp
        let cpu = try Self.decode(record, .amd64)
        #expect(cpu.stackPointer == 0x7FF0)
        #expect(cpu.generalRegisters.count == AMD64Register.allCases.count)
    }

    @Test func shortContextThrowsTruncatedWithOffset() throws {
        let (dump, rva) = try Self.dump(holding: Array(repeating: 0, count: 1000))
        let error = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 1000, rva: rva), architecture: .amd64)
        }
        #expect(error?.kind == .truncated)
        #expect(error?.offset == rva + 1000)
        #expect(error?.detail.contains("1232") == true)

        let arm64 = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 500, rva: rva), architecture: .arm64)
        }
        #expect(arm64?.kind == .truncated)
        #expect(arm64?.offset == rva + 500)

        // Without an architecture, a record whose flags carry the CONTEXT_i386 tag but that is
        // shorter than the x86 CONTEXT is truncated rather than unrecognised.
        var tagged = RawContext(size: 700)
        tagged.put(X86Context.Flags.full, at: 0)
        let (taggedDump, taggedRva) = try Self.dump(holding: tagged.bytes)
        let x86 = #expect(throws: MiniDumpError.self) {
            _ = try taggedDump.context(at: LocationDescriptor(size: 700, rva: taggedRva), architecture: nil)
        }
        #expect(x86?.kind == .truncated)
        #expect(x86?.offset == taggedRva + 700)
    }

    @Test func contextPastEndOfFileThrowsTruncated() throws {
        let (dump, rva) = try Self.dump(holding: Array(repeating: 0, count: 100))
        let error = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 716, rva: rva), architecture: .x86)
        }
        #expect(error?.kind == .truncated)
        #expect(error?.offset == rva)
        let huge = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: .max, rva: .max), architecture: nil)
        }
        #expect(huge?.kind == .truncated)
    }

    @Test func unknownSizeThrowsInvalidValueNamingTheSize() throws {
        let (dump, rva) = try Self.dump(holding: Array(repeating: 0, count: 1000))
        let unknown = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 1000, rva: rva), architecture: nil)
        }
        #expect(unknown?.kind == .invalidValue)
        #expect(unknown?.detail.contains("1000") == true)
        // Between the two ARM64 layouts, with flags that name neither.
        let between = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 850, rva: rva), architecture: .arm64)
        }
        #expect(between?.kind == .invalidValue)
        #expect(between?.detail.contains("850") == true)
        let mips = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 1000, rva: rva), architecture: .mips)
        }
        #expect(mips?.kind == .invalidValue)
        let empty = #expect(throws: MiniDumpError.self) {
            _ = try dump.context(at: LocationDescriptor(size: 0, rva: rva), architecture: .amd64)
        }
        #expect(empty?.kind == .invalidValue)
    }

    @Test func sizeAloneChoosesTheLayoutWithoutAnArchitecture() throws {
        let expectations: [(Int, ProcessorArchitecture)] = [
            (716, .x86), (1232, .amd64), (796, .arm64), (0x390, .arm64), (368, .arm), (0x1A0, .arm),
        ]
        for (size, architecture) in expectations {
            #expect(try Self.decode(RawContext(size: size), nil).architecture == architecture, "\(size) bytes")
            #expect(try Self.decode(RawContext(size: size), .unknown).architecture == architecture, "\(size) bytes")
        }
    }

    @Test func xsaveDataAfterTheRecordIsCounted() throws {
        var amd64 = RawContext(size: 1232 + 144)
        amd64.put(UInt32(0x0010_005F), at: 0x30)
        amd64.put(UInt64(0xFEED), at: 0xF8)
        let a = try Self.decode(amd64, .amd64)
        #expect(a.instructionPointer == 0xFEED)
        #expect(a.extendedStateSize == 144)
        // The x86 record of 1147 bytes Windows 11 writes with CET/XSAVE state; with no architecture
        // given, the CONTEXT_i386 tag in its flags picks the layout.
        var x86 = RawContext(size: 1147)
        x86.put(UInt32(0x0001_007F), at: 0)
        x86.put(UInt32(0x7700_1000), at: 0xB8)
        for architecture in [ProcessorArchitecture.x86, nil] {
            let b = try Self.decode(x86, architecture)
            #expect(b.architecture == .x86)
            #expect(b.instructionPointer == 0x7700_1000)
            #expect(b.extendedStateSize == 1147 - 716)
        }
    }

    @Test func builtContextsSetAndClearRegisters() {
        var context = X86Context()
        #expect(context.validRegisters.isEmpty)
        context.set(.eip, 0x1_2345_6789)
        #expect(context[.eip] == 0x2345_6789)
        context[.esp] = 0x100
        #expect(CPUContext.x86(context).generalRegisters.map(\.name) == ["esp", "eip"])
        context.set(.eip, nil)
        #expect(context[.eip] == nil)
        #expect(context == { var other = X86Context(); other.set(.esp, 0x100); return other }())

        var caller = ARM64Context(contextFlags: ARM64Context.Flags.breakpadOld, layout: .breakpadOld)
        caller.set(.pc, 0x4000)
        caller.set(.cpsr, 0x1_0000_0001)
        #expect(caller[.cpsr] == 1)
        #expect(CPUContext.arm64(caller).instructionPointer == 0x4000)
        #expect(CPUContext.arm64(caller).stackPointer == nil)
        var amd64 = AMD64Context()
        amd64.set(.cs, 0x1_0033)
        #expect(amd64[.cs] == 0x33)
        #expect(ARM64Register.x(29) == .fp)
        #expect(ARMRegister.r(13) == .sp)
        #expect(ARM64Register.x(31) == nil)
    }

    /// Random records of every size near the layouts, under every architecture: each ends in a
    /// context or a MiniDumpError.
    @Test func randomRecordsNeverCrash() throws {
        var generator = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        print("ContextLayoutTests.randomRecordsNeverCrash seed \(generator.seed)")
        let architectures: [ProcessorArchitecture?] = [nil, .amd64, .x86, .arm64, .breakpadArm64Old, .arm, .ppc, .unknown]
        let sizes = [0, 1, 4, 8, 0x33, 367, 368, 369, 415, 416, 715, 716, 717, 795, 796, 797, 911, 912, 913, 1147, 1231, 1232, 1376]
        for size in sizes {
            var record = RawContext(size: size)
            for index in 0..<size { record.bytes[index] = UInt8(truncatingIfNeeded: generator.next()) }
            let (dump, rva) = try Self.dump(holding: record.bytes)
            for architecture in architectures {
                for claimed in [UInt64(size), UInt64(size) + 1, UInt64(size) / 2] {
                    do {
                        let context = try dump.context(at: LocationDescriptor(size: claimed, rva: rva), architecture: architecture)
                        _ = context.generalRegisters
                    } catch {
                        #expect(!error.detail.isEmpty)
                    }
                }
            }
        }
    }
}

