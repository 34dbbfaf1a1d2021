import ArgumentParser
import MiniDump

/// `dumpinspect system`: the machine and OS.
struct SystemCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "system",
        abstract: "Show the machine and operating system the dump was written on.",
        discussion: """
            Architecture, OS and version, service pack (Breakpad stores the kernel version there on
            Linux), CPU count and vendor, from the SystemInfo stream.

            Example:
              dumpinspect system --json w3wp.dmp
            """)

    @OptionGroup var dump: DumpOptions

    func json(for file: MiniDumpFile) throws -> JSON { try Self.json(for: file) }

    func text(for file: MiniDumpFile) throws -> String { try Self.text(for: file) }

    /// SystemInfo and its diagnostics as JSON (`null` without the stream).
    static func json(for file: MiniDumpFile) throws -> JSON {
        guard let info = try file.systemInfo() else { return .null }
        var members: [(String, JSON)] = []
        if case .object(let fields) = Render.systemJSON(info) { members = fields }
        members.append(("diagnostics", Render.diagnostics(info.diagnostics)))
        return .object(members)
    }

    /// SystemInfo as lines of text.
    static func text(for file: MiniDumpFile) throws -> String {
        guard let info = try file.systemInfo() else { return "The dump has no SystemInfo stream." }
        var lines = [
            "Architecture:  \(info.architecture.name)",
            "OS:            \(info.platform.osName) \(info.osVersion)",
        ]
        if let servicePack = info.servicePack, !servicePack.isEmpty { lines.append("Service pack:  \(servicePack)") }
        lines.append("CPUs:          \(info.cpuCount)")
        if let vendor = info.cpuVendor { lines.append("CPU vendor:    \(vendor)") }
        lines.append("CPU level/rev: \(info.processorLevel) / \(Hex.format(info.processorRevision))")
        for diagnostic in info.diagnostics { lines.append("warning: \(diagnostic)") }
        return lines.joined(separator: "\n")
    }
}
