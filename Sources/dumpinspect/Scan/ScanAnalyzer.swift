import MiniDump

/// The per-dump work of a scan, in one place: what the scan keeps from an opened dump.
///
/// The library's crash analysis (`MiniDumpFile.crashReport()`) supplies the bucket (its WER-style
/// ``CrashReport/bucketId``), the exception and its name, the fault (module and offset of the faulting
/// instruction), the application (the main executable) and, for a stack overflow, the recursion cycle.
/// The header gives the time; MiscInfo the process id that, with the exception, tells whether an
/// `.mdmp` and an `.hdmp` hold the same crash.
enum ScanAnalyzer {
    /// What the scan records about `dump`, read from `input` (`sizeBytes` on disk).
    static func record(for dump: MiniDumpFile, input: ScanInput, sizeBytes: UInt64?) -> ScanRecord {
        var record = ScanRecord(file: input.path, relativePath: input.relativePath, status: .ok, sizeBytes: sizeBytes)
        record.timestamp = dump.header.timestamp == 0 ? nil : dump.header.timestamp
        let report = dump.crashReport()
        record.bucket = report.bucketId
        record.application = report.mainModule?.name
        record.exceptionCode = report.exception?.code
        record.exceptionName = report.exception?.name
        if let fault = report.fault {
            if let module = fault.module, let offset = fault.moduleOffset {
                record.fault = module.name + "+" + Hex.string(offset, uppercase: false)
            } else {
                record.fault = Hex.string(fault.address, uppercase: false)
            }
        }
        if let cycle = report.stackOverflow?.cycle, !cycle.isEmpty { record.recursion = cycle }
        let processId = ((try? dump.miscInfo()) ?? nil)?.processId
        record.identity = CrashIdentity(
            processId: processId, threadId: report.exception?.threadId, exceptionCode: report.exception?.code,
            exceptionAddress: report.exception?.address)
        return record
    }
}
