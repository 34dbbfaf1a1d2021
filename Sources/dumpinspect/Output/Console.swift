#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Writing to the terminal: stdout for results, stderr for errors and progress.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        print(text)
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        write(fd: 2, text + "\n")
    }

    /// Writes raw text to a file descriptor, retrying short writes.
    static func write(fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                #if canImport(ucrt)
                guard let base = raw.baseAddress else { return 0 }
                return Int(_write(fd, base + done, UInt32(raw.count - done)))
                #else
                return Glibc_write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                #endif
            }
            if written <= 0 { return }
            done += written
        }
    }

    /// True when standard error is a terminal (progress bars and colours go there only then).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// True when standard output is a terminal.
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// Colours are used only on a terminal and never when `NO_COLOR` is set.
    static var useColor: Bool {
        stdoutIsTerminal && getenv("NO_COLOR") == nil
    }

    /// Wraps `text` in an ANSI style when colours are on.
    static func style(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Exit statuses scripts can rely on (documented in docs/cli.md).
enum ExitStatus {
    /// Everything was read.
    static let success: Int32 = 0
    /// A batch finished, but some files could not be read (each is listed with its reason).
    static let someFilesFailed: Int32 = 1
    /// The dump could not be opened or decoded; nothing useful was printed.
    static let unreadableDump: Int32 = 2
    /// Bad arguments (ArgumentParser's EX_USAGE).
    static let usage: Int32 = 64
}

#if !canImport(ucrt)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    guard let pointer else { return 0 }
    #if canImport(Darwin)
    return Darwin.write(fd, pointer, count)
    #elseif canImport(Musl)
    return Musl.write(fd, pointer, count)
    #else
    return Glibc.write(fd, pointer, count)
    #endif
}
#endif
