#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Ends the process with a status, without ArgumentParser.
///
/// `exit(withError:)` builds ArgumentParser's help generator before it looks at the error, by
/// reflection over every command (about 3 M instructions, a millisecond): too much for the quick
/// path's "the dump could not be read, status 2". Nothing is buffered (``Console`` writes with
/// `write(2)`), so the process can end at once.
enum ProcessExit {
    static func with(_ status: Int32) -> Never {
        exit(status)
    }
}
