/// Follows the location descriptors and RVAs of a CrashpadInfo stream, turning every failure
/// into a diagnostic.
struct CrashpadDecoder {
    let reader: ByteReader
    var diagnostics: [DumpDiagnostic] = []
    var budget: ReferenceBudget

    init(reader: ByteReader) {
        self.reader = reader
        self.budget = ReferenceBudget(reader: reader)
    }

    private mutating func note(_ offset: UInt64, _ message: String) {
        diagnostics.append(DumpDiagnostic(stream: .crashpadInfo, offset: offset, message))
    }

    /// A counted list at `location`: a 32-bit count, then `count` entries of `stride` bytes, all
    /// inside the descriptor's size and the file. Returns a cursor over the entries and their
    /// count, or `nil` (with a diagnostic) when they do not fit.
    private mutating func countedList(
        at location: LocationDescriptor, stride: Int, _ what: String
    ) -> (cursor: ByteCursor, count: Int)? {
        guard !location.isEmpty else { return nil }
        guard let window = reader.range(offset: location.rva, length: location.size) else {
            note(location.rva, "\(what) (\(location.size) bytes at \(Hex.format(location.rva))) lies outside the file")
            return nil
        }
        var cursor = reader.cursor(over: window, stream: .crashpadInfo)
        do {
            let count = try cursor.read(UInt32.self, "\(what) count")
            let entries = try cursor.checkedEntryCount(UInt64(count), stride: stride, what)
            return (cursor, entries)
        } catch {
            note(error.offset, "\(error.kind): \(error.detail)")
            return nil
        }
    }

    /// The `MinidumpUTF8String` at `rva`, or an empty string with a diagnostic.
    mutating func utf8String(at rva: UInt32, _ what: String) -> String {
        do {
            let range = try reader.lengthPrefixedBytes(at: UInt64(rva), stream: .crashpadInfo, what)
            guard budget.spend(range.count, stream: .crashpadInfo, offset: UInt64(rva), into: &diagnostics) else { return "" }
            return reader.withBytes(in: range) { String(decoding: $0, as: UTF8.self) }
        } catch {
            note(UInt64(rva), "\(what) at \(Hex.format(rva)) is unreadable: \(error.detail)")
            return ""
        }
    }

    /// The `MinidumpByteArray` at `rva`, or no bytes with a diagnostic.
    mutating func byteArray(at rva: UInt32, _ what: String) -> [UInt8] {
        do {
            let range = try reader.lengthPrefixedBytes(at: UInt64(rva), stream: .crashpadInfo, what)
            guard budget.spend(range.count, stream: .crashpadInfo, offset: UInt64(rva), into: &diagnostics) else { return [] }
            return reader.bytes(in: range)
        } catch {
            note(UInt64(rva), "\(what) at \(Hex.format(rva)) is unreadable: \(error.detail)")
            return []
        }
    }

    /// A `MinidumpSimpleStringDictionary`.
    mutating func dictionary(at location: LocationDescriptor, _ what: String) -> [CrashpadSimpleAnnotation] {
        guard let list = countedList(at: location, stride: 8, what) else { return [] }
        var cursor = list.cursor
        let count = list.count
        var pairs = [CrashpadSimpleAnnotation]()
        pairs.reserveCapacity(count)
        for index in 0..<count {
            guard let keyRva = try? cursor.read(UInt32.self), let valueRva = try? cursor.read(UInt32.self) else { break }
            pairs.append(CrashpadSimpleAnnotation(
                key: utf8String(at: keyRva, "\(what) key \(index)"),
                value: utf8String(at: valueRva, "\(what) value \(index)")))
        }
        return pairs
    }

    /// A `MinidumpRVAList` of `MinidumpUTF8String`s.
    mutating func stringList(at location: LocationDescriptor, _ what: String) -> [String] {
        guard let list = countedList(at: location, stride: 4, what) else { return [] }
        var cursor = list.cursor
        let count = list.count
        var strings = [String]()
        strings.reserveCapacity(count)
        for index in 0..<count {
            guard let rva = try? cursor.read(UInt32.self) else { break }
            strings.append(utf8String(at: rva, "\(what) \(index)"))
        }
        return strings
    }

    /// A `MinidumpAnnotationList`.
    mutating func annotationList(at location: LocationDescriptor, _ what: String) -> [CrashpadAnnotation] {
        guard let list = countedList(at: location, stride: 12, what) else { return [] }
        var cursor = list.cursor
        let count = list.count
        var annotations = [CrashpadAnnotation]()
        annotations.reserveCapacity(count)
        for index in 0..<count {
            guard let nameRva = try? cursor.read(UInt32.self), let type = try? cursor.read(UInt16.self),
                  (try? cursor.read(UInt16.self)) != nil, let valueRva = try? cursor.read(UInt32.self)
            else { break }
            annotations.append(CrashpadAnnotation(
                name: utf8String(at: nameRva, "\(what) \(index) name"),
                type: CrashpadAnnotationType(type),
                value: byteArray(at: valueRva, "\(what) \(index) value")))
        }
        return annotations
    }

    /// A `MinidumpModuleCrashpadInfoList` and the `MinidumpModuleCrashpadInfo` of each link.
    mutating func moduleList(at location: LocationDescriptor) -> [CrashpadModuleInfo] {
        guard let list = countedList(at: location, stride: 12, "module_list") else { return [] }
        var cursor = list.cursor
        let count = list.count
        var modules = [CrashpadModuleInfo]()
        modules.reserveCapacity(count)
        for index in 0..<count {
            guard let moduleIndex = try? cursor.read(UInt32.self),
                  let info = try? LocationDescriptor.read32(&cursor, "MinidumpModuleCrashpadInfoLink.location")
            else { break }
            if let module = moduleInfo(at: info, moduleIndex: moduleIndex, linkIndex: index) {
                modules.append(module)
            }
        }
        return modules
    }

    /// One `MinidumpModuleCrashpadInfo` (20 bytes, 28 with `annotation_objects`).
    private mutating func moduleInfo(
        at location: LocationDescriptor, moduleIndex: UInt32, linkIndex: Int
    ) -> CrashpadModuleInfo? {
        let what = "MinidumpModuleCrashpadInfo \(linkIndex) (module \(moduleIndex))"
        guard location.size >= 20, let window = reader.range(offset: location.rva, length: location.size) else {
            note(location.rva, "\(what) (\(location.size) bytes at \(Hex.format(location.rva))) is too small or outside the file")
            return nil
        }
        var cursor = reader.cursor(over: window, stream: .crashpadInfo)
        do {
            let version = try cursor.read(UInt32.self, "\(what).version")
            let list = try LocationDescriptor.read32(&cursor, "\(what).list_annotations")
            let simple = try LocationDescriptor.read32(&cursor, "\(what).simple_annotations")
            let objects = cursor.remaining >= 8
                ? try LocationDescriptor.read32(&cursor, "\(what).annotation_objects")
                : LocationDescriptor(size: 0, rva: 0)
            return CrashpadModuleInfo(
                moduleIndex: moduleIndex, version: version,
                listAnnotations: stringList(at: list, "\(what) list_annotations"),
                simpleAnnotations: dictionary(at: simple, "\(what) simple_annotations"),
                annotationObjects: annotationList(at: objects, "\(what) annotation_objects"))
        } catch {
            note(error.offset, "\(error.kind): \(error.detail)")
            return nil
        }
    }
}
