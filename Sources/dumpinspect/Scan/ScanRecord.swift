import MiniDump

/// The result of scanning one input file: what the dump says, or why it could not be read.
struct ScanRecord: Sendable, Hashable {
    /// Whether the file was read.
    enum Status: String, Sendable, Hashable {
        /// A dump that was read (possibly with warnings).
        case ok
        /// A file that looks like a dump (by content or by name) but could not be read.
        case error
        /// Not a dump (by content, and not named like one): counted, listed only with `--verbose`.
        case skipped
    }

    /// The path as shown (the root as given, then the path below it).
    var file: String
    /// The path below the scanned root (the shard key).
    var relativePath: String
    var status: Status
    /// Why the file failed or was skipped; `nil` when it was read.
    var error: String?
    /// The crash's stable bucket identifier; `nil` unless the file was read.
    var bucket: String?
    /// The exception code, or `nil` for a dump without an exception.
    var exceptionCode: UInt32?
    /// The exception code's name (`EXCEPTION_ACCESS_VIOLATION`, `SIGSEGV`, or hex when unknown).
    var exceptionName: String?
    /// Where it crashed: `module+0xoffset`, or the address when it is in no module.
    var fault: String?
    /// For a stack overflow: the recursion cycle's frames in call order (`module!function` or
    /// `module+0x…`); `nil` otherwise.
    var recursion: [String]?
    /// The crashed application's file name, when known.
    var application: String?
    /// When the dump was written (seconds since 1970 UTC), or `nil` when unknown (zero in the header).
    var timestamp: UInt32?
    /// The file's size on disk.
    var sizeBytes: UInt64?
    /// For a cabinet: the names of the members that hold dumps (the record describes the first that
    /// could be read).
    var members: [String]?
    /// The `Report.wer` beside the dump, when there is one.
    var wer: WERReport?
    /// On an `.mdmp` whose report also kept an `.hdmp`: that file's result.
    var heapDump: Companion?
    /// On an `.hdmp` counted as part of its `.mdmp`'s crash: the `.mdmp`'s path. Such records are
    /// listed but not counted in the buckets.
    var duplicateOf: String?
    /// What identifies the crash across two dumps of one report (process, thread, exception); not
    /// printed.
    var identity: CrashIdentity?

    /// A short summary of the other file of an `.mdmp`/`.hdmp` pair.
    struct Companion: Sendable, Hashable {
        var file: String
        var status: Status
        var error: String?
        var sizeBytes: UInt64?
    }

    /// True when this record counts as a crash in the buckets.
    var isCounted: Bool { status == .ok && duplicateOf == nil }

    /// A record for a file that failed or was skipped.
    static func failed(_ input: ScanInput, _ status: Status, _ reason: String, size: UInt64? = nil) -> ScanRecord {
        ScanRecord(file: input.path, relativePath: input.relativePath, status: status, error: reason, sizeBytes: size)
    }

    /// The table's FAULT column: the recursion cycle of a stack overflow, else the fault.
    var faultText: String? {
        if let recursion { return "recursion " + recursion.joined(separator: " → ") }
        return fault
    }

    /// `0xC0000005 EXCEPTION_ACCESS_VIOLATION`, `no exception`, or empty for a failed file.
    var exceptionText: String {
        guard status == .ok else { return "" }
        guard let exceptionCode else { return "no exception" }
        let code = Hex.format(exceptionCode, digits: 8)
        guard let exceptionName, exceptionName != code else { return code }
        return "\(code) \(exceptionName)"
    }
}

/// The facts that tell whether two dumps of one report hold the same crash.
struct CrashIdentity: Sendable, Hashable {
    var processId: UInt32?
    var threadId: UInt32?
    var exceptionCode: UInt32?
    var exceptionAddress: UInt64?

    /// True unless a fact both sides know differs.
    func matches(_ other: CrashIdentity) -> Bool {
        func agree<T: Equatable>(_ a: T?, _ b: T?) -> Bool {
            guard let a, let b else { return true }
            return a == b
        }
        return agree(processId, other.processId) && agree(threadId, other.threadId)
            && agree(exceptionCode, other.exceptionCode) && agree(exceptionAddress, other.exceptionAddress)
    }
}
