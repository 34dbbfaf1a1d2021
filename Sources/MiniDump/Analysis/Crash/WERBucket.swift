/// A Windows Error Reporting style bucket: the eight parameters WER files an APPCRASH under, a
/// sub-bucket where the raise site says nothing, and a stable identifier.
public struct WERBucket: Sendable, Hashable {
    /// P1…P8: application name, application version, application timestamp, module name, module
    /// version, module timestamp, exception code, offset (hex as WER writes them).
    public var parameters: [String]
    /// What tells crashes apart when P1…P8 cannot: the .NET type and HRESULT of a 0xE0434352, the
    /// C++ type of a 0xE06D7363 (or, when the type is not in the dump, the first frame outside system
    /// modules), the recursion of a stack overflow, or the first frame outside system modules when
    /// the fault is inside one; `nil` when the fault site is informative on its own.
    public var subBucket: String?

    /// P1 (application name).
    public var applicationName: String { parameter(1) }
    /// P4 (module name).
    public var moduleName: String { parameter(4) }
    /// P7 (exception code).
    public var exceptionCode: String { parameter(7) }
    /// P8 (offset).
    public var offset: String { parameter(8) }

    /// Parameter P`number` (1…8), or an empty string when there is no such parameter.
    public func parameter(_ number: Int) -> String {
        number >= 1 && number <= parameters.count ? parameters[number - 1] : ""
    }

    /// P1…P8 and the sub-bucket joined with `!`: the same for the same crash in every run of the
    /// same build (no process ids, times or randomised addresses inside modules).
    public var bucketId: String {
        var text = parameters.concatenated(separator: "!")
        if let subBucket { text += "!" + subBucket }
        return text
    }

    /// A 16-hex-digit FNV-1a hash of ``bucketId``, for compact keys.
    public var bucketHash: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bucketId.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Hex.format(hash, digits: 16).dropFirst(2).lowercased()
    }
}
