/// A C++ exception thrown by MSVC-compiled code (code 0xE06D7363), with the thrown type recovered
/// from the exception's `ThrowInfo` when the dump captured it.
///
/// Parameters: 0 = magic (0x19930520...0x19930522), 1 = the thrown object, 2 = `_ThrowInfo`, 3 = the
/// throwing module's image base (64-bit only; the `ThrowInfo` fields are then RVAs from it). The
/// chain `ThrowInfo → CatchableTypeArray → CatchableType → TypeDescriptor` usually lies in the
/// module's read-only data, which only full-memory dumps contain; without it the type names are
/// empty.
public struct CxxException: Sendable, Hashable {
    /// The magic number (parameter 0): 0x19930520, 0x19930521 or 0x19930522 for MSVC.
    public var magic: UInt64
    /// The thrown object's address (parameter 1).
    public var objectAddress: UInt64
    /// The `_ThrowInfo` address (parameter 2).
    public var throwInfoAddress: UInt64
    /// The image base the `ThrowInfo` RVAs are relative to (parameter 3), or `nil` on 32-bit.
    public var imageBase: UInt64?
    /// The decorated names of the catchable types, most derived first (`.?AVruntime_error@std@@`,
    /// `.?AVexception@std@@`); empty when the chain is not in the dump.
    public var decoratedTypeNames: [String]
    /// Why the type could not be read, when it could not (`ThrowInfo at 0x... is not in the dump`).
    public var unresolvedReason: String?

    /// The most derived type's decorated name, or `nil`.
    public var decoratedTypeName: String? { decoratedTypeNames.first }

    /// The most derived type, undecorated (`std::runtime_error`), or the decorated name when it
    /// cannot be undecorated; `nil` when the chain is not in the dump.
    public var typeName: String? {
        decoratedTypeName.map { CxxTypeName.undecorate($0) ?? $0 }
    }

    /// Every catchable type undecorated where possible (the thrown type and its public bases).
    public var typeNames: [String] { decoratedTypeNames.map { CxxTypeName.undecorate($0) ?? $0 } }

    /// True when the magic number is one MSVC uses.
    public var hasKnownMagic: Bool { (0x1993_0520...0x1993_0522).contains(magic) || magic == 0x0199_4000 }

    /// At most this many catchable types are read.
    static let maxCatchableTypes = 32

    /// Decodes a 0xE06D7363 exception and follows its `ThrowInfo` through `memory`; `nil` for other
    /// codes or fewer than 3 parameters. `pointerSize` is 4 or 8.
    public init?(code: UInt32, parameters: [UInt64], memory: some MemoryReading, pointerSize: Int) {
        guard ExceptionCode(code) == .cxxException, parameters.count >= 3 else { return nil }
        magic = parameters[0]
        objectAddress = parameters[1]
        throwInfoAddress = parameters[2]
        let relative = parameters.count >= 4 && pointerSize == 8
        imageBase = relative ? parameters[3] : nil
        decoratedTypeNames = []
        unresolvedReason = nil
        let base = imageBase ?? 0
        func resolve(_ field: UInt32) -> UInt64? {
            guard field != 0 else { return nil }
            return relative ? base &+ UInt64(field) : UInt64(field)
        }
        guard throwInfoAddress != 0 else {
            unresolvedReason = "the exception has no ThrowInfo (a rethrow with throw;)"
            return
        }
        // _ThrowInfo { attributes, pmfnUnwind, pForwardCompat, pCatchableTypeArray }.
        guard let arrayField = memory.value(UInt32.self, at: throwInfoAddress &+ 12) else {
            unresolvedReason = "ThrowInfo at \(Hex.format(throwInfoAddress)) is not in the dump"
            return
        }
        guard let arrayAddress = resolve(arrayField),
              let count = memory.value(Int32.self, at: arrayAddress) else {
            unresolvedReason = "CatchableTypeArray is not in the dump"
            return
        }
        let wanted = Int(max(0, min(count, Int32(Self.maxCatchableTypes))))
        let nameOffset: UInt64 = pointerSize == 8 ? 16 : 8
        for index in 0..<wanted {
            // CatchableTypeArray { nCatchableTypes, arrayOfCatchableTypes[] }.
            guard let typeField = memory.value(UInt32.self, at: arrayAddress &+ 4 &+ UInt64(index) * 4),
                  let catchable = resolve(typeField),
                  // CatchableType { properties, pType, ... }.
                  let descriptorField = memory.value(UInt32.self, at: catchable &+ 4),
                  let descriptor = resolve(descriptorField),
                  let name = Self.cString(memory, at: descriptor &+ nameOffset)
            else { break }
            decoratedTypeNames.append(name)
        }
        if decoratedTypeNames.isEmpty {
            unresolvedReason = "the CatchableType or TypeDescriptor is not in the dump"
        }
    }

    /// Reads a NUL-terminated ASCII string of at most 512 bytes, page-piece by page-piece.
    static func cString(_ memory: some MemoryReading, at address: UInt64) -> String? {
        var bytes = [UInt8]()
        var cursor = address
        while bytes.count < 512 {
            guard let byte = memory.value(UInt8.self, at: cursor) else { return nil }
            if byte == 0 { break }
            guard byte >= 0x20, byte < 0x7F else { return nil }
            bytes.append(byte)
            cursor &+= 1
        }
        guard !bytes.isEmpty, bytes.count < 512 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line: `std::runtime_error` or `a C++ exception (type not in the dump)`.
    public var summary: String {
        if let typeName { return "C++ exception of type \(typeName)" }
        return "a C++ exception (\(unresolvedReason ?? "type unknown"))"
    }
}
