/// What crashed, where, why, and what to do next: the analysis of one dump.
///
/// Built by ``MiniDumpFile/crashReport()`` or ``CrashAnalyzer/analyze(_:)``. Every part is optional:
/// a dump without an exception gets a report of kind ``CrashKind/noException``; missing streams leave
/// their parts `nil` and say so in ``notes``.
public struct CrashReport: Sendable, Hashable {
    /// The broad kind of crash.
    public var kind: CrashKind
    /// One line: what crashed, where and why.
    public var headline: String
    /// The exception, or `nil` when the dump has none.
    public var exception: CrashException?
    /// The faulting instruction's location, or `nil` without an exception.
    public var fault: FaultLocation?
    /// The main executable (the module matching the PEB's image path, else the first module).
    public var mainModule: ModuleSummary?
    /// The Windows Application Error event (ID 1000) the crash would have logged, or `nil` without an
    /// exception.
    public var event: ApplicationErrorEvent?
    /// The WER-style bucket, or `nil` without an exception.
    public var bucket: WERBucket?
    /// The crashing thread's name (ThreadNames stream), or `nil` when the dump has none for it.
    public var crashingThreadName: String?
    /// The crashing thread's walked call stack, or `nil` when it could not be walked (no exception,
    /// no usable context).
    public var crashingThreadStack: CallStack?
    /// The recursion behind a stack overflow, or `nil` for other crashes.
    public var stackOverflow: StackOverflowSummary?
    /// The process environment from the PEB (full dumps), or `nil`.
    public var process: ProcessEnvironment?
    /// The crashing thread's last Win32 error from its TEB (full dumps), or `nil`.
    public var lastError: UInt32?
    /// What to do next.
    public var nextStep: CrashRecommendation
    /// Streams that could not be read and other limits of the analysis.
    public var notes: [String]

    /// A stable identifier of the crash: the bucket's ``WERBucket/bucketId``, or `no-exception`.
    public var bucketId: String { bucket?.bucketId ?? "no-exception" }

    /// The IIS application pool of a `w3wp.exe` process, or `nil`.
    public var iisAppPool: String? { process?.iisAppPoolName }

    /// Eight lower-case hex digits, without `0x` (`c0000005`), as WER writes codes and timestamps.
    static func hex8(_ value: UInt32) -> String {
        Hex.string(UInt64(value), digits: 8, uppercase: false, prefixed: false)
    }

    /// `0x` and lower-case hex (`0x2cef`).
    static func hexLower(_ value: UInt64) -> String {
        Hex.string(value, uppercase: false)
    }
}
