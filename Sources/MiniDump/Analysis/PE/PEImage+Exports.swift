extension PEImage {
    /// The most exports read from one directory.
    static let maxExports = 1 << 17
    /// The longest export name read, in bytes.
    static let maxNameLength = 512

    /// The exported functions, sorted by RVA (then name), without forwarders; empty when the image
    /// has no export directory or its tables were not captured. Entries whose name is unreadable are
    /// kept without a name.
    public func exports() -> [PEExport] {
        guard let directory = dataDirectory(.export),
              let raw = memory.bytes(at: address(ofRva: directory.rva), count: 40)
        else { return [] }
        let header = LittleEndianBytes(raw)
        let ordinalBase = header.u32(16)
        let functionCount = min(Int(header.u32(20)), Self.maxExports)
        let nameCount = min(Int(header.u32(24)), Self.maxExports)
        let functionsRva = header.u32(28)
        let namesRva = header.u32(32)
        let ordinalsRva = header.u32(36)
        guard functionCount > 0,
              let functionBytes = memory.bytes(at: address(ofRva: functionsRva), count: functionCount * 4)
        else { return [] }
        let functions = LittleEndianBytes(functionBytes)
        var names = [String?](repeating: nil, count: functionCount)
        if nameCount > 0,
           let nameBytes = memory.bytes(at: address(ofRva: namesRva), count: nameCount * 4),
           let ordinalBytes = memory.bytes(at: address(ofRva: ordinalsRva), count: nameCount * 2) {
            let nameTable = LittleEndianBytes(nameBytes)
            let ordinalTable = LittleEndianBytes(ordinalBytes)
            for index in 0..<nameCount {
                let slot = Int(ordinalTable.u16(index * 2))
                guard slot < functionCount, names[slot] == nil,
                      let name = cString(at: address(ofRva: nameTable.u32(index * 4)), maxLength: Self.maxNameLength)
                else { continue }
                names[slot] = name
            }
        }
        var exports = [PEExport]()
        exports.reserveCapacity(functionCount)
        for slot in 0..<functionCount {
            let rva = functions.u32(slot * 4)
            guard rva != 0, !directory.contains(rva: rva) else { continue } // unused slot or forwarder
            exports.append(PEExport(rva: rva, name: names[slot], ordinal: ordinalBase &+ UInt32(slot)))
        }
        exports.sort { ($0.rva, $0.name ?? "") < ($1.rva, $1.name ?? "") }
        return exports
    }

    /// A NUL-terminated byte string at `address`, decoded as UTF-8; `nil` when its first byte is
    /// missing or no terminator is found within `maxLength` readable bytes.
    func cString(at address: UInt64, maxLength: Int) -> String? {
        var collected = [UInt8]()
        var cursor = address
        let chunk = 32
        while collected.count < maxLength {
            if let block = memory.bytes(at: cursor, count: chunk) {
                if let end = block.firstIndex(of: 0) {
                    collected.append(contentsOf: block[..<end])
                    return String(decoding: collected, as: UTF8.self)
                }
                collected.append(contentsOf: block)
                cursor = cursor &+ UInt64(chunk)
            } else {
                // Near the end of a captured range: go byte by byte.
                guard let byte = memory.value(UInt8.self, at: cursor) else { return nil }
                if byte == 0 { return String(decoding: collected, as: UTF8.self) }
                collected.append(byte)
                cursor = cursor &+ 1
            }
        }
        return nil
    }
}
