/// The facts of the Windows "Application Error" event (Event ID 1000 in the Application log) that
/// the crash would have produced, rebuilt from the dump.
///
/// Each field is empty or `nil` when the dump does not hold it (no module list, no MiscInfo).
public struct ApplicationErrorEvent: Sendable, Hashable {
    /// Faulting application name (the main executable's file name).
    public var applicationName: String
    /// Its file version, `0.0.0.0` when unknown.
    public var applicationVersion: String
    /// Its link timestamp (seconds since 1970).
    public var applicationTimestamp: UInt32
    /// Faulting module name, `unknown` when the address is in no module.
    public var moduleName: String
    /// Its file version, `0.0.0.0` when unknown.
    public var moduleVersion: String
    /// Its link timestamp.
    public var moduleTimestamp: UInt32
    /// The exception code.
    public var exceptionCode: UInt32
    /// Fault offset: exception address − module base (the address itself when in no module).
    public var faultOffset: UInt64
    /// Faulting process id (MiscInfo), or `nil`.
    public var processId: UInt32?
    /// Faulting application start time, seconds since 1970 (MiscInfo), or `nil`.
    public var processStartTime: UInt32?
    /// Faulting application path.
    public var applicationPath: String
    /// Faulting module path, `unknown` when in no module.
    public var modulePath: String

    /// The start time as a Windows `FILETIME` (100 ns since 1601), as the event shows it, or `nil`.
    public var processStartFileTime: UInt64? {
        processStartTime.map { (UInt64($0) + 11_644_473_600) * 10_000_000 }
    }

    /// The event's message text, line by line, in Event Viewer's wording.
    public var lines: [String] {
        [
            "Faulting application name: \(applicationName), version: \(applicationVersion), time stamp: \(Hex.format(applicationTimestamp, digits: 8).lowercased())",
            "Faulting module name: \(moduleName), version: \(moduleVersion), time stamp: \(Hex.format(moduleTimestamp, digits: 8).lowercased())",
            "Exception code: \(Hex.format(exceptionCode, digits: 8).lowercased())",
            "Fault offset: \(Hex.format(faultOffset, digits: 16).lowercased())",
            "Faulting process id: \(processId.map { Hex.format($0).lowercased() } ?? "unknown")",
            "Faulting application start time: \(processStartFileTime.map { Hex.format($0, digits: 16).lowercased() } ?? "unknown")",
            "Faulting application path: \(applicationPath)",
            "Faulting module path: \(modulePath)",
        ]
    }
}
