/// What the PEB (process environment block) and its `RTL_USER_PROCESS_PARAMETERS` held when the dump
/// was written: image path, command line, current directory, environment, and each thread's TEB.
///
/// Only dumps that captured the TEB and PEB pages (full-memory dumps, or dumps written with
/// `MiniDumpWithProcessThreadData` on Windows) hold them; ``MiniDumpFile/processEnvironment()``
/// returns `nil` for the others. Each field is `nil` when its bytes were not captured.
public struct ProcessEnvironment: Sendable, Hashable {
    /// The PEB's address.
    public var pebAddress: UInt64
    /// `PEB.ImageBaseAddress`: where the main executable is loaded, or `nil` when not captured.
    public var imageBaseAddress: UInt64?
    /// `PEB.ProcessParameters`, or `nil` when not captured.
    public var processParametersAddress: UInt64?
    /// `ImagePathName`: the executable's full path.
    public var imagePath: String?
    /// `CommandLine`: the command line exactly as the process was started.
    public var commandLine: String?
    /// `CurrentDirectory.DosPath` (usually with a trailing backslash).
    public var currentDirectory: String?
    /// The environment block's `NAME=value` strings, in order; `nil` when not captured.
    public var environment: [String]?
    /// The TEB of each thread whose TEB was captured, in thread-list order.
    public var threads: [ThreadEnvironment]

    /// The command line split into arguments (see ``WindowsCommandLine/arguments(_:)``); empty when
    /// the command line was not captured.
    public var arguments: [String] { commandLine.map(WindowsCommandLine.arguments) ?? [] }

    /// The IIS application pool of a `w3wp.exe` process (its `-ap` argument), or `nil`.
    public var iisAppPoolName: String? { commandLine.flatMap(WindowsCommandLine.iisAppPoolName) }

    /// The TEB facts of thread `threadId`, or `nil` when its TEB was not captured.
    public func thread(_ threadId: UInt32) -> ThreadEnvironment? {
        threads.first { $0.threadId == threadId }
    }

    /// The value of environment variable `name` (compared case-insensitively, as Windows does), or
    /// `nil`.
    public func environmentValue(_ name: String) -> String? {
        let wanted = name.lowercased() + "="
        guard let entry = environment?.first(where: { $0.lowercased().hasPrefix(wanted) }) else { return nil }
        return String(entry.dropFirst(wanted.count))
    }
}
