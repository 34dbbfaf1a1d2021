#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MiniDumpBuilder {
    /// Writes the finished file to `path` (created or truncated), streaming: the header, directory
    /// and streams are written first, then each Memory64 range's bytes at its own offset. The zero
    /// tail of a range (``Memory64ListBuilder/Range/size`` beyond its bytes) is never written, so on
    /// file systems with sparse files a 16 GiB full dump of holes takes almost no disk space.
    ///
    /// Throws ``DumpWriteError`` when the file cannot be created or written.
    public func write(toPath path: String, streamCountOverride: UInt32? = nil) throws(DumpWriteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw DumpWriteError(operation: "open", path: path, offset: 0, errno: errno) }
        do throws(DumpWriteError) {
            try write(toFileDescriptor: fd, path: path, streamCountOverride: streamCountOverride)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw DumpWriteError(operation: "close", path: path, offset: 0, errno: errno) }
    }

    /// Writes the finished file to an open, seekable file descriptor at offsets 0 and up, then sets
    /// the file's length to the dump's size (so trailing holes exist). The descriptor stays open.
    ///
    /// Throws ``DumpWriteError`` when a write or the final truncate fails.
    public func write(toFileDescriptor fd: Int32, streamCountOverride: UInt32? = nil) throws(DumpWriteError) {
        try write(toFileDescriptor: fd, path: nil, streamCountOverride: streamCountOverride)
    }

    private func write(toFileDescriptor fd: Int32, path: String?, streamCountOverride: UInt32?) throws(DumpWriteError) {
        let (prefix, layout) = finalizedPrefix(streamCountOverride: streamCountOverride)
        try Self.writeAll(prefix.bytes, to: fd, at: 0, path: path)
        for (deferred, base) in zip(deferredMemory64, layout.baseOffsets) {
            var offset = base
            for range in deferred.ranges {
                if !range.bytes.isEmpty { try Self.writeAll(range.bytes, to: fd, at: offset, path: path) }
                offset += range.size
            }
        }
        guard ftruncate(fd, off_t(layout.end)) == 0 else {
            throw DumpWriteError(operation: "truncate", path: path, offset: layout.end, errno: errno)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, at offset: UInt64, path: String?) throws(DumpWriteError) {
        var done = 0
        while done < bytes.count {
            let at = offset + UInt64(done)
            let written = bytes.withUnsafeBytes { raw in
                pwrite(fd, raw.baseAddress.map { $0 + done }, raw.count - done, off_t(at))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DumpWriteError(operation: "write", path: path, offset: at, errno: errno)
            }
            if written == 0 { throw DumpWriteError(operation: "write", path: path, offset: at, errno: 0) }
            done += written
        }
    }
}
