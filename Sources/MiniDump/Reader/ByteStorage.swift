#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Owns the bytes of one dump: a read-only memory mapping (unmapped in `deinit`) or a heap copy.
///
/// This is the only place that maps memory. The pointer is never written through and the object is
/// immutable after creation, which is what makes sharing it across threads safe.
final class ByteStorage: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int
    private let release: Release

    private enum Release {
        case none
        case unmap(UnsafeMutableRawPointer, Int)
        case deallocate(UnsafeMutableRawPointer)
        /// A view into another storage, kept alive by this reference.
        case borrow(ByteStorage)
    }

    private init(base: UnsafeRawPointer?, count: Int, release: Release) {
        self.base = base
        self.count = count
        self.release = release
    }

    /// Copies `bytes` into storage owned by the new object.
    convenience init(copying bytes: some Collection<UInt8>) {
        let count = bytes.count
        guard count > 0 else {
            self.init(base: nil, count: 0, release: .none)
            return
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        let buffer = UnsafeMutableRawBufferPointer(start: memory, count: count)
        buffer.copyBytes(from: bytes)
        self.init(base: UnsafeRawPointer(memory), count: count, release: .deallocate(memory))
    }

    /// Takes ownership of memory allocated with `UnsafeMutableRawPointer.allocate`.
    convenience init(adopting memory: UnsafeMutableRawPointer, count: Int) {
        self.init(base: UnsafeRawPointer(memory), count: count, release: .deallocate(memory))
    }

    /// The first `count` bytes (clamped to `0...self.count`) as a storage of their own that shares
    /// this one's memory and keeps it alive; nothing is copied. The robustness tests open every
    /// truncation of a dump this way.
    func prefix(_ count: Int) -> ByteStorage {
        let length = min(max(count, 0), self.count)
        return ByteStorage(base: length > 0 ? base : nil, count: length, release: .borrow(self))
    }

    deinit {
        switch release {
        case .none, .borrow:
            break
        case .unmap(let pointer, let length):
            #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            munmap(pointer, length)
            #endif
        case .deallocate(let pointer):
            pointer.deallocate()
        }
    }

    /// How a file's bytes are brought into the process.
    enum Access {
        case map
        case read
    }

    /// Opens `path` and maps it read-only, or reads it whole when `access` is `.read`
    /// or the platform has no `mmap`.
    static func open(path: String, access: Access) throws(MiniDumpError) -> ByteStorage {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        let fd = Glibc_open(path)
        guard fd >= 0 else {
            throw MiniDumpError(.io, offset: 0, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw MiniDumpError(.io, offset: 0, "cannot stat: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw MiniDumpError(.io, offset: 0, "not a regular file")
        }
        guard let size = Int(exactly: info.st_size), size > 0 else {
            return ByteStorage(base: nil, count: 0, release: .none)
        }
        if access == .map {
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
            if let mapped, mapped != MAP_FAILED {
                return ByteStorage(base: UnsafeRawPointer(mapped), count: size, release: .unmap(mapped, size))
            }
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var done = 0
        while done < size {
            let got = read(fd, memory + done, size - done)
            if got < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                memory.deallocate()
                throw MiniDumpError(.io, offset: UInt64(done), "read failed: \(message)")
            }
            if got == 0 { break }
            done += got
        }
        return ByteStorage(base: UnsafeRawPointer(memory), count: done, release: .deallocate(memory))
        #else
        throw MiniDumpError(.io, offset: 0, "file access is not implemented on this platform")
        #endif
    }
}

#if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
private func Glibc_open(_ path: String) -> Int32 {
    #if canImport(Darwin)
    return Darwin.open(path, O_RDONLY | O_CLOEXEC)
    #elseif canImport(Musl)
    return Musl.open(path, O_RDONLY | O_CLOEXEC)
    #else
    return Glibc.open(path, O_RDONLY | O_CLOEXEC)
    #endif
}
#endif
