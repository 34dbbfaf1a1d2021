/// The LinuxMaps stream (0x47670009): a copy of `/proc/<pid>/maps`, every mapping of the
/// crashed process with its permissions and file.
///
/// The text is decoded leniently as UTF-8 up to the first NUL. A line that is not a maps line
/// is skipped with a diagnostic (the first ``maxLineDiagnostics`` are reported one by one).
public struct LinuxMapsStream: Sendable {
    /// Every mapping, sorted by start address (the kernel already prints them in that order).
    public var regions: [LinuxMapRegion]
    /// Lines that could not be parsed.
    public var diagnostics: [DumpDiagnostic]

    /// The mapping that contains `address`, or `nil` when the address is not mapped.
    /// A binary search; with overlapping (malformed) ranges, the one starting closest below wins.
    public func region(containing address: UInt64) -> LinuxMapRegion? {
        var low = 0
        var high = regions.count
        while low < high {
            let middle = low + (high - low) / 2
            if regions[middle].startAddress <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = regions[low - 1]
        return candidate.contains(address) ? candidate : nil
    }

    /// The most unparsable lines reported one by one; the rest are counted in one diagnostic.
    public static let maxLineDiagnostics = 100

    init(parsing cursor: ByteCursor) {
        var regions = [LinuxMapRegion]()
        var diagnostics = [DumpDiagnostic]()
        var unreported = 0
        // Lines are split on the bytes (as LinuxText.lines does), up to the first NUL.
        cursor.reader.withBytes(in: cursor.position..<cursor.end) { raw in
            let text = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
            var number = 0
            var start = 0
            while start <= text.count {
                let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
                var lineEnd = end
                if lineEnd > start, text[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: text[start..<lineEnd])
                number += 1
                start = end + 1
                if line.allSatisfy(LinuxText.isBlank) { continue }
                if let region = LinuxMapRegion(bytes: line) {
                    regions.append(region)
                } else if diagnostics.count >= Self.maxLineDiagnostics {
                    unreported += 1
                } else {
                    diagnostics.append(DumpDiagnostic(
                        stream: .linuxMaps, offset: cursor.offset,
                        "line \(number) is not a maps line: \(String(decoding: line, as: UTF8.self).prefix(80))"))
                }
            }
        }
        if unreported > 0 {
            diagnostics.append(DumpDiagnostic(
                stream: .linuxMaps, offset: cursor.offset, "\(unreported) more lines are not maps lines"))
        }
        if !zip(regions, regions.dropFirst()).allSatisfy({ $0.startAddress <= $1.startAddress }) {
            regions.sort { $0.startAddress < $1.startAddress }
        }
        self.regions = regions
        self.diagnostics = diagnostics
    }
}
