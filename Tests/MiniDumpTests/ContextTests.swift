import Foundation
import MiniDump
import MiniDumpWriter
import Testing

@Suite struct ContextTests {
    // MARK: Real dumps against the reference values

    static let realDumps: [String] = SharedDumps.files(in: "public")
        + SharedDumps.files(in: "wine", includeCompressed: true).map { "wine/" + $0 }

    /// Decodes every thread context and the exception context of each real dump and compares every
    /// register in `expected/<folder>/<file>.json` (`threads[].registers`,
    /// `exception.contextRegisters`).
    ///
    /// Two kinds of reference value are known to be wrong and are checked differently:
    /// - Fields listed in the reference's own `disagreements` (the tools differed): our value must
    ///   equal one of the values a tool reported.
    /// - A context whose `ContextFlags` carry no register-group bit (Breakpad's macOS writer and
    ///   rust-minidump's minidump-writer write just `0x100000`) still holds every register; lldb
    ///   then reports 0 for all of them, which is its placeholder for "not captured", not the
    ///   value in the record. Where the reference says 0 there, the test instead checks that our
    ///   stack pointer lies inside that thread's captured stack (`stackStart ..< +stackSize`),
    ///   which shows the decoded registers are real.
    @Test(arguments: realDumps)
    func realDumpContextsMatchReference(name: String) throws {
        guard SharedDumps.available() else { return }
        let folder = name.hasPrefix("wine/") ? "wine" : "public"
        let file = name.hasPrefix("wine/") ? String(name.dropFirst(5)) : name
        let malformed = (SharedDumps.manifest[file]?["malformed"] as? Bool) ?? false
        let dump: MiniDumpFile
        do {
            dump = try Self.open(folder, file)
        } catch {
            #expect(malformed, "\(file) failed to open: \(error)")
            return
        }
        guard let expected = SharedDumps.expected(folder, file) else {
            Issue.record("\(file): no expected/\(folder)/\(file).json")
            return
        }
        let systemInfo = expected["systemInfo"] as? [String: Any]
        let architecture = jsonUInt64(systemInfo?["arch"]).flatMap { UInt16(exactly: $0) }.map { ProcessorArchitecture($0) }
        let disagreements = Self.disagreements(expected)
        let fallback = Self.threadRecords(dump)
        var compared = 0

        for (index, thread) in ((expected["threads"] as? [[String: Any]]) ?? []).enumerated() {
            guard let registers = thread["registers"] as? [String: Any], !registers.isEmpty else { continue }
            let id = jsonUInt64(thread["id"])
            let record = id.flatMap { fallback[$0] }
            // The reference drops contextRva where its only source misread a padded list; the
            // thread list itself still says where the context is.
            guard let rva = jsonUInt64(thread["contextRva"]) ?? record?.rva,
                  let size = jsonUInt64(thread["contextSize"]), size > 0
            else { continue }
            let context: CPUContext
            do {
                context = try dump.context(at: LocationDescriptor(size: size, rva: rva), architecture: architecture)
            } catch {
                #expect(malformed, "\(file) thread \(index): \(error)")
                continue
            }
            if let architecture { #expect(context.architecture == architecture.canonical, "\(file) thread \(index)") }
            let stack = jsonUInt64(thread["stackStart"]).flatMap { start in
                jsonUInt64(thread["stackSize"]).map { start ..< start &+ $0 }
            }
            compared += Self.compare(
                registers, with: context, field: "threads[\(index)].registers", stack: stack,
                disagreements: disagreements, where: "\(file) thread \(index)")
        }

        if let exception = expected["exception"] as? [String: Any],
           let registers = exception["contextRegisters"] as? [String: Any], !registers.isEmpty,
           let rva = jsonUInt64(exception["contextRva"]) ?? Self.exceptionContext(dump)?.rva,
           let size = jsonUInt64(exception["contextSize"]), size > 0
        {
            do {
                let context = try dump.context(at: LocationDescriptor(size: size, rva: rva), architecture: architecture)
                compared += Self.compare(
                    registers, with: context, field: "exception.contextRegisters", stack: nil,
                    disagreements: disagreements, where: "\(file) exception")
            } catch {
                #expect(malformed, "\(file) exception context: \(error)")
            }
        }

        // Every context the dump's own thread list points at decodes (or, in a malformed dump,
        // throws a MiniDumpError rather than crashing).
        for (id, record) in fallback where record.size > 0 {
            do {
                _ = try dump.context(at: LocationDescriptor(size: record.size, rva: record.rva), architecture: architecture)
            } catch {
                #expect(malformed, "\(file) thread \(id): \(error)")
            }
        }
        let referenceHasRegisters = ((expected["threads"] as? [[String: Any]]) ?? []).contains {
            (($0["registers"] as? [String: Any]) ?? [:]).isEmpty == false
        }
        if referenceHasRegisters && !malformed { #expect(compared > 0, "\(file): no register was compared") }
    }

    /// Compares reference registers with a decoded context; returns how many were compared.
    static func compare(
        _ registers: [String: Any], with context: CPUContext, field: String, stack: Range<UInt64>?,
        disagreements: [String: [UInt64]], where place: String
    ) -> Int {
        var compared = 0
        for (name, raw) in registers.sorted(by: { $0.key < $1.key }) {
            guard let reference = jsonUInt64(raw) else { continue }
            guard let lookup = registerValue(name, in: context) else {
                Issue.record("\(place): reference register \(name) has no counterpart in \(context.architecture)")
                continue
            }
            compared += 1
            if lookup == reference { continue }
            if let values = disagreements["\(field).\(name)"], let lookup, values.contains(lookup) { continue }
            if reference == 0, context.contextFlags & 0xFF == 0, let lookup {
                // lldb's 0 for a record whose flags name no register group (see the test's doc).
                if let stack, let sp = context.stackPointer {
                    #expect(stack.contains(sp), "\(place): \(name)=\(Hex.format(lookup)) but sp \(Hex.format(sp)) is outside the stack")
                }
                continue
            }
            Issue.record("\(place): \(name) is \(lookup.map { Hex.format($0) } ?? "nil"), reference \(Hex.format(reference))")
        }
        return compared
    }

    /// The value our context gives for a reference register name (`rip`, `esp`, `pc`, `fp`, ...):
    /// `.some(nil)` when the context does not hold it, `nil` when the name means nothing here.
    static func registerValue(_ name: String, in context: CPUContext) -> UInt64?? {
        switch name {
        case "pc": return .some(context.instructionPointer)
        case "sp": return .some(context.stackPointer)
        case "fp": return .some(context.framePointer)
        default: break
        }
        switch context {
        case .amd64(let registers):
            return AMD64Register.allCases.first { $0.name == name }.map { registers[$0] }
        case .x86(let registers):
            return X86Register.allCases.first { $0.name == name }.map { registers[$0] }
        case .arm64(let registers):
            return ARM64Register.allCases.first { $0.name == name }.map { registers[$0] }
        case .arm(let registers):
            return ARMRegister.allCases.first { $0.name == name }.map { registers[$0] }
        }
    }

    /// `disagreements[].field` → every value a tool reported for it.
    static func disagreements(_ expected: [String: Any]) -> [String: [UInt64]] {
        var table = [String: [UInt64]]()
        for item in (expected["disagreements"] as? [[String: Any]]) ?? [] {
            guard let field = item["field"] as? String, let values = item["values"] as? [String: Any] else { continue }
            table[field, default: []] += values.values.compactMap(jsonUInt64)
        }
        return table
    }

    /// Thread id → context location, read straight from the ThreadList stream (48-byte
    /// `MINIDUMP_THREAD` entries after a 32-bit count, with or without 4 bytes of padding).
    static func threadRecords(_ dump: MiniDumpFile) -> [UInt64: (rva: UInt64, size: UInt64)] {
        guard let entry = dump.entry(for: .threadList), let bytes = try? dump.rawBytes(of: entry), bytes.count >= 4 else {
            return [:]
        }
        let count = Int(le32(bytes, 0))
        let start = 4 + count * 48 + 4 == bytes.count ? 8 : 4
        var table = [UInt64: (rva: UInt64, size: UInt64)]()
        for index in 0..<count {
            let at = start + index * 48
            guard at + 48 <= bytes.count else { break }
            table[UInt64(le32(bytes, at))] = (UInt64(le32(bytes, at + 44)), UInt64(le32(bytes, at + 40)))
        }
        return table
    }

    /// The exception stream's context location (`ThreadContext` at offset 160).
    static func exceptionContext(_ dump: MiniDumpFile) -> (rva: UInt64, size: UInt64)? {
        guard let entry = dump.entry(for: .exception), let bytes = try? dump.rawBytes(of: entry), bytes.count >= 168 else {
            return nil
        }
        return (UInt64(le32(bytes, 164)), UInt64(le32(bytes, 160)))
    }

    static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }

    /// Opens a shared dump; a `.gz` one is inflated with the system `gzip` into a temporary file
    /// that is read whole and deleted at once.
    static func open(_ folder: String, _ file: String) throws -> MiniDumpFile {
        let path = SharedDumps.path(folder, file)
        guard file.hasSuffix(".gz") else { return try MiniDumpFile(path: path) }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("contexttests-\(ProcessInfo.processInfo.processIdentifier)-\(file).dmp")
        _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let output = try FileHandle(forWritingTo: temporary)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gzip.arguments = ["-dc", path]
        gzip.standardOutput = output
        try gzip.run()
        gzip.waitUntilExit()
        try output.close()
        #expect(gzip.terminationStatus == 0, "gzip -dc \(file) failed")
        return try MiniDumpFile(path: temporary.path, access: .read)
    }
}
