import ArgumentParser
import MiniDump

/// `dumpinspect summary` (the default): the verdict first, then the facts it rests on.
struct SummaryCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Say why the process crashed: exception, faulting module and offset, stack, next step.",
        discussion: """
            The default command. Prints the Windows Event ID 1000 facts (faulting application and
            module, exception code, fault offset) reproduced from the dump, what the exception means,
            the crashing thread's top frames, and what to do next; then the header, system, process
            and stream counts.

            Examples:
              dumpinspect w3wp.dmp
              dumpinspect summary --json crash.dmp.gz | jq .exception
            """)

    @OptionGroup var dump: DumpOptions

    func json(for file: MiniDumpFile) throws -> JSON {
        let system = (try? file.systemInfo()) ?? nil
        let misc = (try? file.miscInfo()) ?? nil
        let exception = (try? file.exception()) ?? nil
        let header: JSON = .object([
            ("version", .hex(file.header.version)),
            ("streamCount", .number(file.header.streamCount)),
            ("timestamp", .number(file.header.timestamp)),
            ("time", .string(Format.isoTime(file.header.timestamp))),
            ("flags", .hex(file.header.flags)),
        ])
        return .object([
            ("file", .string(dump.file)),
            ("fileSize", .number(file.fileSize)),
            ("header", header),
            ("system", Render.systemJSON(system)),
            ("process", Self.processJSON(file, misc)),
            ("exception", Self.exceptionJSON(exception)),
            ("counts", Self.countsJSON(file)),
            ("diagnostics", Render.diagnostics(Self.allDiagnostics(file))),
        ])
    }

    static func countsJSON(_ file: MiniDumpFile) -> JSON {
        let threads = ((try? file.threadList()) ?? nil)?.threads.count ?? 0
        let modules = ((try? file.moduleList()) ?? nil)?.modules.count ?? 0
        let unloaded = ((try? file.unloadedModuleList()) ?? nil)?.modules.count ?? 0
        let space = file.addressSpace()
        return .object([
            ("streams", .number(file.directory.count)),
            ("threads", .number(threads)),
            ("modules", .number(modules)),
            ("unloadedModules", .number(unloaded)),
            ("memoryRanges", .number(space.segments.count)),
            ("memoryBytes", .number(space.totalBytes)),
        ])
    }

    static func processJSON(_ file: MiniDumpFile, _ misc: MiscInfo?) -> JSON {
        .object([
            ("pid", .number(processId(file, misc))),
            ("createTime", misc?.processCreateTime.map { .string(Format.isoTime($0)) } ?? .null),
            ("userTime", .number(misc?.processUserTime)),
            ("kernelTime", .number(misc?.processKernelTime)),
            ("integrityLevel", .string(misc?.integrityLevelName)),
            ("buildString", .string(misc?.buildString)),
        ])
    }

    /// The process id from MiscInfo, or from Linux /proc status (`Pid:`) in Breakpad dumps.
    static func processId(_ file: MiniDumpFile, _ misc: MiscInfo?) -> UInt32? {
        if let pid = misc?.processId { return pid }
        if let status = (try? file.linuxProcStatus()) ?? nil,
           let pid = status.fields["Pid"] {
            return UInt32(pid.trimmingSpaces())
        }
        return nil
    }

    static func exceptionJSON(_ exception: ExceptionStream?) -> JSON {
        guard let exception else { return .null }
        return .object([
            ("code", .string(Hex.format(exception.code, digits: 8))),
            ("threadId", .number(exception.threadId)),
            ("address", .hex(exception.address)),
            ("flags", .hex(exception.flags)),
            ("parameters", .array(exception.parameters.map { .hex($0) })),
        ])
    }

    /// Every diagnostic the summary's data produced, directory first.
    static func allDiagnostics(_ file: MiniDumpFile) -> [DumpDiagnostic] {
        var all = file.directoryDiagnostics
        if let system = (try? file.systemInfo()) ?? nil { all += system.diagnostics }
        if let exception = (try? file.exception()) ?? nil { all += exception.diagnostics }
        if let modules = (try? file.moduleList()) ?? nil { all += modules.diagnostics }
        return all
    }

    func text(for file: MiniDumpFile) throws -> String {
        var lines = [String]()
        let system = (try? file.systemInfo()) ?? nil
        let misc = (try? file.miscInfo()) ?? nil
        let width = Render.addressWidth(file)
        if let exception = (try? file.exception()) ?? nil {
            lines.append("Exception:  \(Hex.format(exception.code, digits: 8)) at \(Hex.format(exception.address, digits: width)) on thread \(exception.threadId) (\(Hex.format(exception.threadId)))")
            if !exception.parameters.isEmpty {
                lines.append("Parameters: " + exception.parameters.map { Hex.format($0) }.joined(separator: ", "))
            }
        } else {
            lines.append("Exception:  none (the dump was taken on demand, not at a crash)")
        }
        lines.append("")
        lines.append("Dump:       \(dump.file), \(Format.bytes(UInt64(file.fileSize))), written \(Format.time(file.header.timestamp))")
        if let system {
            lines.append("System:     \(system.platform.osName) \(system.osVersion) \(system.architecture.name), \(system.cpuCount) CPUs")
        }
        if let pid = Self.processId(file, misc) {
            var process = "Process:    pid \(pid)"
            if let created = misc?.processCreateTime { process += ", started \(Format.time(created))" }
            lines.append(process)
        }
        let threads = ((try? file.threadList()) ?? nil)?.threads.count ?? 0
        let modules = ((try? file.moduleList()) ?? nil)?.modules.count ?? 0
        let space = file.addressSpace()
        lines.append("Contents:   \(file.directory.count) streams, \(threads) threads, \(modules) modules, \(space.segments.count) memory ranges (\(Format.bytes(space.totalBytes)))")
        for diagnostic in Self.allDiagnostics(file).prefix(10) { lines.append("warning: \(diagnostic)") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
