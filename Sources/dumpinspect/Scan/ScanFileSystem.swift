#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file calls the scan needs: listing folders, `stat`/`lstat`, reading the first bytes
/// of a file without blocking on FIFOs, and reading small side files (`Report.wer`, a done list).
enum ScanFileSystem {
    /// What `stat`/`lstat` says about a path.
    struct Status: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case regular, directory, symlink, other }

        var kind: Kind
        var size: UInt64
        var device: UInt64
        var inode: UInt64
    }

    /// A failed call: the `errno` text (`No such file or directory`).
    struct Failure: Error, Sendable, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }

        static func current() -> Failure {
            let code = errno
            return Failure(code: code, message: String(cString: strerror(code)))
        }

        var isMissing: Bool { code == ENOENT || code == ENOTDIR }
    }

    /// `lstat` (`follow == false`) or `stat`.
    static func status(_ path: String, follow: Bool) -> Result<Status, Failure> {
        var info = stat()
        let rc = follow ? stat(path, &info) : lstat(path, &info)
        guard rc == 0 else { return .failure(.current()) }
        return .success(status(info))
    }

    private static func status(_ info: stat) -> Status {
        let format = UInt32(info.st_mode) & 0o170000
        let kind: Status.Kind
        switch format {
        case 0o100000: kind = .regular
        case 0o040000: kind = .directory
        case 0o120000: kind = .symlink
        default: kind = .other
        }
        return Status(
            kind: kind, size: UInt64(clamping: info.st_size),
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }

    /// The names in a folder (without `.` and `..`), sorted by their UTF-8 bytes.
    static func names(in path: String) -> Result<[String], Failure> {
        guard let handle = opendir(path) else { return .failure(.current()) }
        defer { closedir(handle) }
        var names = [String]()
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// The first `count` bytes of a regular file, its size, or why it cannot be read. FIFOs and
    /// devices are never read (opening is non-blocking, then `fstat` checks the kind).
    static func prefix(of path: String, count: Int) -> Result<(bytes: [UInt8], size: UInt64), PrefixFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.io(.current())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.io(.current())) }
        let described = status(info)
        guard described.kind == .regular else { return .failure(.notRegular(described.kind)) }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base + done, count - done)
            }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.io(.current()))
            }
            if got == 0 { break }
            done += got
        }
        return .success((Array(bytes.prefix(done)), described.size))
    }

    /// Why ``prefix(of:count:)`` failed.
    enum PrefixFailure: Error, Sendable {
        case io(Failure)
        case notRegular(Status.Kind)
    }

    /// A whole small file, or `nil` when it cannot be read or is larger than `limit` bytes.
    static func contents(of path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, status(info).kind == .regular, info.st_size <= limit else { return nil }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while out.count <= limit {
            let got = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base, raw.count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { return out }
            out.append(contentsOf: chunk.prefix(got))
        }
        return nil
    }

    /// Calls `body` with each line of a text file (without the newline), streaming so that a file of
    /// millions of lines is never held whole; fails when the file cannot be opened or read.
    static func forEachLine(of path: String, _ body: (Substring) -> Void) -> Result<Void, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.current()) }
        defer { close(fd) }
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base, raw.count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.current())
            }
            if got == 0 { break }
            var start = 0
            for index in 0..<got where chunk[index] == 0x0A {
                pending.append(contentsOf: chunk[start..<index])
                body(Substring(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
                start = index + 1
            }
            pending.append(contentsOf: chunk[start..<got])
        }
        if !pending.isEmpty { body(Substring(decoding: pending, as: UTF8.self)) }
        return .success(())
    }

    /// The number of processors online (at least 1).
    static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
