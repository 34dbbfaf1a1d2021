#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a `SIGBUS` into a one-line message and exit status 2.
///
/// Dumps are memory-mapped (see `MiniDumpFile.Access.mapped`). When another process truncates a
/// file while it is mapped, the first touch of a page past the new end raises `SIGBUS`; without a
/// handler the process would die with "Bus error" and no hint of why. The handler only writes a
/// fixed message and calls `_exit` (both async-signal-safe): the state of the interrupted decode is
/// unknown, so nothing else can run. `--no-mmap` reads the file into memory at opening instead,
/// which no later change to the file can disturb.
enum BusErrorGuard {
    /// Installs the handler; call before the first dump is opened.
    static func install() {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        _ = signal(SIGBUS) { _ in
            let message: StaticString = """
                dumpinspect: a dump file changed or was truncated while it was mapped (SIGBUS); \
                run again with --no-mmap to read files into memory first

                """
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(2)
        }
        #endif
    }
}
