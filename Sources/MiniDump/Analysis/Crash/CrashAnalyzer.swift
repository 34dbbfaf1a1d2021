/// Turns a decoded dump into a ``CrashReport``: what crashed, where, why, and what to do next.
///
/// ```swift
/// let dump = try MiniDumpFile.open(path: "app.dmp")
/// let report = CrashAnalyzer().analyze(dump)
/// print(report.headline, report.bucketId)
/// ```
///
/// Never throws and never traps: streams that cannot be read leave their parts of the report empty
/// and are listed in ``CrashReport/notes``.
public struct CrashAnalyzer: Sendable {
    /// Names the function holding `moduleOffset` in `module` (a file name such as `crash.exe`),
    /// returning the name and the offset of the address from the function's start; `nil` when unknown.
    /// Dumps carry no symbols: supply this from a symbol file, a map file or a test's ground truth.
    public typealias FunctionNamer = @Sendable (_ module: String, _ moduleOffset: UInt64) -> (name: String, offset: UInt64)?

    /// Names functions the stack walker could not (it knows only exports captured in the dump).
    public var functionNamer: FunctionNamer?
    /// The longest recursion cycle looked for in a stack overflow (frames).
    public var maxRecursionPeriod: Int
    /// Bounds on walking the crashing thread's stack.
    public var stackWalkLimits: StackWalkLimits

    /// Creates an analyzer.
    public init(
        functionNamer: FunctionNamer? = nil, maxRecursionPeriod: Int = RecursionDetector.defaultMaxPeriod,
        stackWalkLimits: StackWalkLimits = .default
    ) {
        self.functionNamer = functionNamer
        self.maxRecursionPeriod = maxRecursionPeriod
        self.stackWalkLimits = stackWalkLimits
    }

    /// Analyzes `dump`.
    public func analyze(_ dump: MiniDumpFile) -> CrashReport {
        analyze(CrashEvidence(dump: dump, walkLimits: stackWalkLimits))
    }
}

extension MiniDumpFile {
    /// The crash report of this dump with the default ``CrashAnalyzer`` (no symbols beyond the
    /// exports captured in the dump). Never throws; see ``CrashReport/notes`` for what was missing.
    public func crashReport() -> CrashReport {
        CrashAnalyzer().analyze(self)
    }
}
