import MiniDump

extension DumpScene {
    /// A Markdown description of what the dump holds — system, header, streams, every thread (id,
    /// name, instruction and stack pointers, stack range), module (base, size, version, debug
    /// record), unloaded module, memory range, the exception and the smaller streams — generated from
    /// the scene itself, so a README built from it cannot drift from the bytes.
    public var markdownDescription: String {
        var lines: [String] = []
        let arch = system.architecture.name
        lines.append("- System: \(arch), platform \(hex(system.platformId)), OS \(system.majorVersion).\(system.minorVersion).\(system.buildNumber), "
            + "\(system.processorCount) processors" + (system.csdVersion.map { $0.isEmpty ? "" : ", CSD version \"\($0)\"" } ?? ""))
        lines.append("- Header: version \(hex(headerVersion)), flags \(hex(headerFlags.rawValue)), timestamp \(hex(timestamp)) (\(Self.utcDate(timestamp)))")
        lines.append("- Streams, in directory order: " + streamTypes.map { "`\($0.name)`" }.joined(separator: ", "))
        if !threads.isEmpty {
            lines.append("- Threads (\(threads.count)):")
            for thread in threads {
                var text = "  - \(hex(thread.id)) (\(thread.id))"
                if let name = thread.name { text += " \"\(name)\"" }
                if let ip = thread.context.instructionPointer { text += ", pc \(hex(ip))" }
                if let sp = thread.context.stackPointer { text += ", sp \(hex(sp))" }
                if let fp = thread.context.framePointer, fp != 0 { text += ", fp \(hex(fp))" }
                text += ", stack \(hex(thread.stackAddress))–\(hex(thread.stackAddress &+ UInt64(thread.stack.count))) (\(thread.stack.count) bytes)"
                if thread.teb != 0 { text += ", TEB \(hex(thread.teb))" }
                lines.append(text)
                let pointers = modulePointers(in: thread)
                if !pointers.isEmpty {
                    lines.append("    - stack words pointing into modules (offset from the stack start → target): " + pointers.joined(separator: ", "))
                }
            }
        }
        if !modules.isEmpty {
            lines.append("- Modules (\(modules.count)):")
            for module in modules {
                var text = "  - `\(module.name)` at \(hex(module.base)), size \(hex(module.size))"
                if let rva = module.nameRvaOverride { text += " (name not written: `ModuleNameRva` is \(hex(rva)))" }
                if module.timestamp != 0 { text += ", timestamp \(hex(module.timestamp))" }
                if let version = module.versionInfo { text += ", version \(version.fileVersionString)" }
                if let codeView = module.codeView { text += ", " + Self.describe(codeView) }
                lines.append(text)
            }
        }
        if !unloadedModules.isEmpty {
            lines.append("- Unloaded modules: " + unloadedModules.map {
                "`\($0.name)` at \(hex($0.base)), size \(hex($0.size))"
            }.joined(separator: "; "))
        }
        if !memory.isEmpty {
            lines.append("- Memory besides the stacks (\(memory.count) range\(memory.count == 1 ? "" : "s")): " + memory.map {
                "\(hex($0.address))+\(hex($0.size))"
            }.joined(separator: ", "))
        }
        if let exception {
            var text = "- Exception: code \(hex(exception.code)), flags \(hex(exception.flags)), address \(hex(exception.address)), "
                + "thread \(hex(exception.threadId))"
            if !exception.parameters.isEmpty { text += ", parameters [" + exception.parameters.map { hex($0) }.joined(separator: ", ") + "]" }
            text += exception.context == nil ? "; context = the thread's context" : "; its own context"
            lines.append(text)
        }
        if memoryListKinds.contains(.memory64) {
            let ranges = allMemory
            lines.append("- Memory64List: \(ranges.count) ranges, \(ranges.reduce(0) { $0 + $1.size }) bytes, sorted by address, "
                + "data at the end of the file")
        }
        if !memoryInfo.isEmpty { lines.append("- MemoryInfoList: \(memoryInfo.count) regions") }
        if writesThreadInfo {
            lines.append("- ThreadInfoList: start addresses " + threads.map {
                "\(hex($0.id)) → " + describeAddress($0.info?.startAddress ?? 0)
            }.joined(separator: ", "))
        }
        if let miscInfo {
            var text = "- MiscInfo: version \(miscInfo.version.rawValue) (\(miscInfo.version.size) bytes), Flags1 \(hex(miscInfo.flags1))"
            if let pid = miscInfo.processId { text += ", process id \(pid)" }
            if let times = miscInfo.processTimes { text += ", created \(Self.utcDate(times.createTime))" }
            if let zone = miscInfo.timeZone { text += ", time zone \"\(zone.standardName)\" (bias \(zone.bias) min)" }
            if let build = miscInfo.buildString { text += ", build \"\(build.build)\"" }
            lines.append(text)
        }
        if !handles.isEmpty {
            lines.append("- Handles (\(handles.count)): " + handles.map {
                "\(hex($0.handle)) \($0.typeName ?? "?")" + ($0.objectName.map { " `\($0)`" } ?? "")
            }.joined(separator: "; "))
        }
        if let commentA { lines.append("- CommentStreamA: \"\(commentA)\"") }
        if let commentW { lines.append("- CommentStreamW: \"\(commentW)\"") }
        return lines.joined(separator: "\n")
    }

    /// `module+0xOFFSET` for an address inside a module, else `0x…`.
    func describeAddress(_ address: UInt64) -> String {
        guard let module = modules.first(where: { address >= $0.base && address - $0.base < UInt64($0.size) }) else {
            return hex(address)
        }
        let name = module.name.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? module.name
        return "\(name)+\(hex(address - module.base))"
    }

    /// `sp+0xOFF → module+0xRVA` for every aligned stack word whose value lies inside a module.
    func modulePointers(in thread: Thread) -> [String] {
        let width: Int
        if case .x86 = thread.context { width = 4 } else { width = 8 }
        var result: [String] = []
        var offset = 0
        while offset + width <= thread.stack.count {
            var value: UInt64 = 0
            for index in 0..<width { value |= UInt64(thread.stack[offset + index]) << (8 * UInt64(index)) }
            if modules.contains(where: { value >= $0.base && value - $0.base < UInt64($0.size) }) {
                result.append("+\(hex(offset)) → " + describeAddress(value))
            }
            offset += width
        }
        return result
    }

    static func describe(_ codeView: ModuleListBuilder.CodeView) -> String {
        switch codeView {
        case .pdb70(let guid, let age, let pdbName): "RSDS \(guid) age \(age) `\(pdbName)`"
        case .pdb20(let signature, let age, let pdbName): "NB10 signature \(hex(signature)) age \(age) `\(pdbName)`"
        case .elf(let buildId): "ELF build id " + buildId.map { hexByte($0) }.joined()
        case .raw(let bytes): "raw CodeView record (\(bytes.count) bytes)"
        }
    }

    /// `time_t` as `YYYY-MM-DD hh:mm:ss UTC`.
    static func utcDate(_ time: UInt32) -> String {
        let days = Int(time / 86400)
        let seconds = Int(time % 86400)
        // Civil-from-days (Howard Hinnant's algorithm), valid for the whole u32 range.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) UTC"
    }
}

/// `0x` and upper-case hex digits.
func hex<T: BinaryInteger>(_ value: T) -> String { "0x" + String(value, radix: 16, uppercase: true) }

/// Two lower-case hex digits.
func hexByte(_ value: UInt8) -> String {
    let text = String(value, radix: 16)
    return text.count == 1 ? "0" + text : text
}
