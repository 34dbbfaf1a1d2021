#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of 10,000 small dumps for `dumpinspect scan`: the real corpus
/// (`../shared/dumps/public/*.dmp` and `wine/*.small.dmp`) repeated under varied names, as hard
/// links (copies when linking is not possible), spread over 100 sub-folders the way crash
/// collectors store them.
enum ScanFolderInput {
    static let fileCount = 10_000
    static let folderCount = 100

    /// The corpus files, sorted by name.
    static func corpus(sharedDumps: String) -> [String] {
        var files: [String] = []
        for (folder, suffix) in [("public", ".dmp"), ("wine", ".small.dmp")] {
            let path = sharedDumps + "/" + folder
            for name in listDirectory(path) where name.hasSuffix(suffix) { files.append(path + "/" + name) }
        }
        return files.sorted()
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Fills `folder` (created if needed); returns how many files were linked and copied.
    static func fill(_ folder: String, sharedDumps: String) throws(InputError) -> (linked: Int, copied: Int) {
        let sources = corpus(sharedDumps: sharedDumps)
        guard !sources.isEmpty else { throw InputError("no dumps found under \(sharedDumps)") }
        try makeDirectory(folder)
        let extensions = ["dmp", "dmp", "dmp", "mdmp", "hdmp", "DMP"]
        var linked = 0
        var copied = 0
        for index in 0..<fileCount {
            let sub = folder + "/" + "host-\(pad(index % folderCount, 3))"
            if index < folderCount { try makeDirectory(sub) }
            let source = sources[index % sources.count]
            let base = (source.split(separator: "/").last.map(String.init) ?? "dump")
                .replacingOccurrences(of: ".small.dmp", with: "").replacingOccurrences(of: ".dmp", with: "")
            let name = "\(base)-\(pad(index, 5)).\(extensions[index % extensions.count])"
            let target = sub + "/" + name
            unlink(target)
            if link(source, target) == 0 {
                linked += 1
            } else {
                try copyFile(source, target)
                copied += 1
            }
        }
        return (linked, copied)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func makeDirectory(_ path: String) throws(InputError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw InputError("cannot create \(path): errno \(errno)") }
    }

    static func copyFile(_ source: String, _ target: String) throws(InputError) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw InputError("cannot open \(source): errno \(errno)") }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard output >= 0 else { throw InputError("cannot create \(target): errno \(errno)") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 { throw InputError("cannot read \(source): errno \(errno)") }
            if got == 0 { break }
            let put = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress, got) }
            if put != got { throw InputError("cannot write \(target): errno \(errno)") }
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
