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

    func json(for file: MiniDumpFile) throws -> JSON { Self.json(for: file, path: dump.file) }

    func text(for file: MiniDumpFile) throws -> String { Self.text(for: file, path: dump.file) }

    /// The JSON document for `file`, opened from `path`.
    static func json(for file: MiniDumpFile, path: String) -> JSON {
        let system = (try? file.systemInfo()) ?? nil
        let misc = (try? file.miscInfo()) ?? nil
        let report = file.crashReport()
        let recursion = Self.recursion(report)
        let header: JSON = .object([
            ("version", .hex(file.header.version)),
            ("streamCount", .number(file.header.streamCount)),
            ("timestamp", .number(file.header.timestamp)),
            ("time", .string(Format.isoTime(file.header.timestamp))),
            ("flags", .hex(file.header.flags)),
        ])
        let topFrames = report.crashingThreadStack.map { stack in
            JSON.array(stack.frames.prefix(Self.verdictFrames).map(StackRender.frameJSON))
        } ?? .null
        return .object([
            ("file", .string(path)),
            ("fileSize", .number(file.fileSize)),
            ("kind", .string(report.kind.rawValue)),
            ("headline", .string(report.headline)),
            ("exception", ReportRender.exceptionJSON(report)),
            ("fault", ReportRender.faultJSON(report)),
            ("event1000", ReportRender.event1000JSON(report.event)),
            ("bucket", ReportRender.bucketJSON(report)),
            ("recursion", ReportRender.recursionJSON(recursion)),
            ("stack", topFrames),
            ("nextStep", ReportRender.nextStepJSON(report.nextStep)),
            ("process", ReportRender.processJSON(report, pid: Self.processId(file, misc), misc: misc)),
            ("system", Render.systemJSON(system)),
            ("header", header),
            ("counts", Self.countsJSON(file)),
            ("notes", .array(report.notes.map { .string($0) })),
            ("diagnostics", Render.diagnostics(Self.allDiagnostics(file))),
        ])
    }

    /// How many frames of the crashing stack the verdict shows.
    static let verdictFrames = 10

    /// The recursion worth reporting: any cycle for a stack overflow, otherwise only a long one.
    static func recursion(_ report: CrashReport) -> StackRecursion? {
        guard let recursion = report.crashingThreadStack?.recursion() else { return nil }
        return report.kind == .stackOverflow || recursion.repetitions >= 10 ? recursion : nil
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

    /// Every diagnostic the summary's data produced, directory first.
    static func allDiagnostics(_ file: MiniDumpFile) -> [DumpDiagnostic] {
        var all = file.directoryDiagnostics
        if let system = (try? file.systemInfo()) ?? nil { all += system.diagnostics }
        if let exception = (try? file.exception()) ?? nil { all += exception.diagnostics }
        if let modules = (try? file.moduleList()) ?? nil { all += modules.diagnostics }
        return all
    }

    /// The human report for `file`, opened from `path`.
    static func text(for file: MiniDumpFile, path: String) -> String {
        let report = file.crashReport()
        let width = Render.addressWidth(file)
        var lines = ReportText.verdict(report, recursion: Self.recursion(report), width: width, frames: Self.verdictFrames)
        lines.append("")
        let system = (try? file.systemInfo()) ?? nil
        let misc = (try? file.miscInfo()) ?? nil
        lines.append("Dump:       \(path), \(Format.bytes(UInt64(file.fileSize))), written \(Format.time(file.header.timestamp))")
        if let system {
            var text = "System:     \(system.platform.osName) \(system.osVersion) \(system.architecture.name), \(system.cpuCount) CPUs"
            if let servicePack = system.servicePack, !servicePack.isEmpty, system.platform.osName == "windows" {
                text += ", \(servicePack)"
            }
            lines.append(text)
        }
        if let pid = Self.processId(file, misc) {
            var process = "Process:    pid \(pid)"
            if let created = misc?.processCreateTime { process += ", started \(Format.time(created))" }
            lines.append(process)
        }
        if let environment = report.process {
            if let commandLine = environment.commandLine { lines.append("Command:    \(commandLine)") }
            if let directory = environment.currentDirectory { lines.append("Directory:  \(directory)") }
        }
        let threads = ((try? file.threadList()) ?? nil)?.threads.count ?? 0
        let modules = ((try? file.moduleList()) ?? nil)?.modules.count ?? 0
        let space = file.addressSpace()
        lines.append("Contents:   \(file.directory.count) streams, \(threads) threads, \(modules) modules, \(space.segments.count) memory ranges (\(Format.bytes(space.totalBytes)))")
        for note in report.notes { lines.append("note: \(note)") }
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
