#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A task executor with its own threads, for the scan's reading tasks.
///
/// Reading a dump blocks on the file system (a network share can take many milliseconds per file).
/// Run on Swift's shared pool, whose width is the processor count, `--jobs 16` would still read only a
/// few files at once; on this executor each of the `--jobs` reads has a thread of its own, and the
/// shared pool stays free for the task that writes the output.
final class ScanThreadPool: TaskExecutor, @unchecked Sendable {
    private let queue = Mutex<[UnownedJob]>([])
    private let available = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private var threads = [Thread]()

    /// Starts `count` threads (at least 1).
    init(threads count: Int) {
        for _ in 0..<max(1, count) {
            // The thread keeps the pool alive until `shutdown()` lets it return.
            guard let thread = Thread(start: { self.work() }) else { break }
            threads.append(thread)
        }
    }

    /// False when no thread could be started (the caller then runs its tasks on the shared pool).
    var isRunning: Bool { !threads.isEmpty }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.withLock { $0.append(unowned) }
        available.signal()
    }

    /// Stops the threads once the jobs already queued have run, and waits for them.
    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        for _ in threads { available.signal() }
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    private func work() {
        while true {
            available.wait()
            let job = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let job {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if stopping.load(ordering: .sequentiallyConsistent) {
                return
            }
        }
    }

    /// A joinable POSIX thread running a closure.
    final class Thread {
        private let handle: pthread_t

        /// Starts the thread, or returns `nil` when the system refuses.
        init?(start: @escaping () -> Void) {
            let context = Unmanaged.passRetained(Box(start)).toOpaque()
            #if canImport(Darwin)
            var created: pthread_t?
            let status = pthread_create(&created, nil, { pointer in
                Unmanaged<Box>.fromOpaque(pointer).takeRetainedValue().body()
                return nil
            }, context)
            guard status == 0, let created else {
                Unmanaged<Box>.fromOpaque(context).release()
                return nil
            }
            #else
            var created = pthread_t()
            let status = pthread_create(&created, nil, { pointer in
                if let pointer { Unmanaged<Box>.fromOpaque(pointer).takeRetainedValue().body() }
                return nil
            }, context)
            guard status == 0 else {
                Unmanaged<Box>.fromOpaque(context).release()
                return nil
            }
            #endif
            handle = created
        }

        func join() {
            pthread_join(handle, nil)
        }

        private final class Box {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
    }
}
