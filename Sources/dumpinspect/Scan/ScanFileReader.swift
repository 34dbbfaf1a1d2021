import MiniDump

/// Reads the files of one ``ScanUnit`` into records: decides by content what is a dump, opens it
/// (plain, gzip or cabinet), and hands the opened dump to ``ScanAnalyzer``.
///
/// A file is a dump when it starts with `MDMP`, or when it is a gzip file or cabinet that holds one.
/// A file that is not, but is named like a dump (``ScanWalker/dumpSuffixes``), is an error; any other
/// file is skipped. A file whose content says it is a dump but that cannot be read is an error, and so
/// is a damaged gzip file or cabinet (it may have held a dump).
struct ScanFileReader: Sendable {
    /// `.mapped`: files larger than ``readWholeLimit`` are mapped, smaller ones read whole;
    /// `.read` (`--no-mmap`): every file is read whole.
    var access: MiniDumpFile.Access = .mapped

    /// Files up to this size are read into memory even when mapping is allowed. For thousands of
    /// small dumps that is faster: a read reuses the same heap pages file after file, while each
    /// mapping costs its page faults, and unmapping it in a process with several threads costs a
    /// TLB flush on every core (docs/performance.md). Large dumps, of which the analysis touches
    /// little, stay mapped.
    static let readWholeLimit: UInt64 = 4 << 20

    /// How a file of `size` bytes is opened when `allowed` is the access the scan was given.
    static func access(forSize size: UInt64, allowed: MiniDumpFile.Access) -> MiniDumpFile.Access {
        allowed == .mapped && size > readWholeLimit ? .mapped : .read
    }

    /// The records of every file of `unit`, in the unit's order.
    func records(for unit: ScanUnit) -> [ScanRecord] {
        var records = unit.files.map(record(for:))
        if let path = unit.werReport, records.contains(where: { $0.status != .skipped }) {
            let report = WERReport.read(path: path)
            for index in records.indices where records[index].status != .skipped {
                records[index].wer = report
            }
        }
        if records.count == 2 { Self.pair(&records) }
        return records
    }

    /// Folds the `.hdmp` (second) into the `.mdmp` (first) when both were read and hold the same crash:
    /// the `.hdmp` is still listed, marked ``ScanRecord/duplicateOf``, and the `.mdmp` carries its result.
    static func pair(_ records: inout [ScanRecord]) {
        guard records.count == 2 else { return }
        let mini = records[0]
        let heap = records[1]
        guard mini.status == .ok, heap.status == .ok else { return }
        if let first = mini.identity, let second = heap.identity, !first.matches(second) { return }
        records[1].duplicateOf = mini.file
        records[0].heapDump = ScanRecord.Companion(
            file: heap.file, status: heap.status, error: heap.error, sizeBytes: heap.sizeBytes)
    }

    /// The record of one file.
    func record(for input: ScanInput) -> ScanRecord {
        if let problem = input.problem { return .failed(input, .error, problem) }
        let name = ScanWalker.lastComponent(input.path)
        let namedLikeDump = ScanWalker.isNamedLikeDump(name)
        let head: [UInt8]
        let size: UInt64
        switch ScanFileSystem.prefix(of: input.path, count: 4) {
        case .failure(.io(let failure)):
            let reason = failure.isMissing ? "vanished during the scan (\(failure))" : "cannot read: \(failure)"
            return .failed(input, .error, reason)
        case .failure(.notRegular):
            return .failed(input, namedLikeDump ? .error : .skipped, "not a regular file (a FIFO, socket or device)")
        case .success(let found):
            head = found.bytes
            size = found.size
        }
        let format = InputFormat(detecting: head)
        if format == .unknown {
            let reason: String
            if size == 0 {
                reason = "empty file"
            } else if ScanWalker.isWERReport(name) {
                reason = "WER report (read for the dumps beside it)"
            } else {
                reason = "not a dump: starts with " + head.map { Hex.format($0, digits: 2).dropFirst(2) }.joined(separator: " ")
            }
            return .failed(input, namedLikeDump ? .error : .skipped, reason, size: size)
        }
        let members: [DumpMember]
        do throws(MiniDumpError) {
            members = try MiniDumpFile.openAll(path: input.path, access: Self.access(forSize: size, allowed: access))
        } catch {
            let skip = error.kind == .notMiniDump && format != .minidump && !namedLikeDump
            return .failed(input, skip ? .skipped : .error, Self.describe(error, format: format), size: size)
        }
        let isCabinet = format == .cabinet
        guard let opened = members.lazy.compactMap({ member -> (String?, MiniDumpFile)? in
            guard case .success(let dump) = member.result else { return nil }
            return (member.name, dump)
        }).first else {
            guard let first = members.first, case .failure(let error) = first.result else {
                let reason = "cabinet holds no minidump"
                return .failed(input, namedLikeDump ? .error : .skipped, reason, size: size)
            }
            if error.kind == .notMiniDump, format == .gzip, !namedLikeDump {
                return .failed(input, .skipped, Self.describe(error, format: format), size: size)
            }
            let reason = isCabinet ? "cabinet member \(first.name ?? "?"): \(error)" : Self.describe(error, format: format)
            return .failed(input, .error, reason, size: size)
        }
        var record = ScanAnalyzer.record(for: opened.1, input: input, sizeBytes: size)
        if isCabinet { record.members = members.map { $0.name ?? "?" } }
        return record
    }

    /// The error's one-line text, naming the container when the dump was compressed.
    static func describe(_ error: MiniDumpError, format: InputFormat) -> String {
        switch format {
        case .gzip: return "gzip: \(error)"
        case .cabinet: return "cabinet: \(error)"
        default: return error.description
        }
    }
}
