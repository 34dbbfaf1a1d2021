/// The Token stream (type 19): security tokens of the process and its threads.
/// Mirrors `MINIDUMP_TOKEN_INFO_LIST` followed by variable-size entries, each a
/// `MINIDUMP_TOKEN_INFO_HEADER` and `TokenSize` bytes in all.
public struct TokenInfoListStream: Sendable {
    /// The header's `TokenListSize` (the writer's idea of the stream size).
    public var tokenListSize: UInt32
    /// The header's `ListHeaderSize`.
    public var listHeaderSize: UInt32
    /// The header's `ElementHeaderSize`: where each entry's token data starts.
    public var elementHeaderSize: UInt32
    /// Every entry that could be read, in file order.
    public var tokens: [TokenInfo]
    /// Entries that could not be read: an entry whose `TokenSize` is smaller than its header or
    /// runs past the stream ends the list there.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        tokenListSize = try cursor.read(UInt32.self, "MINIDUMP_TOKEN_INFO_LIST.TokenListSize")
        let count = try cursor.read(UInt32.self, "MINIDUMP_TOKEN_INFO_LIST.TokenListEntries")
        listHeaderSize = try cursor.read(UInt32.self, "MINIDUMP_TOKEN_INFO_LIST.ListHeaderSize")
        elementHeaderSize = try cursor.read(UInt32.self, "MINIDUMP_TOKEN_INFO_LIST.ElementHeaderSize")
        guard listHeaderSize >= 16 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 8), stream: .token,
                "MINIDUMP_TOKEN_INFO_LIST.ListHeaderSize is \(listHeaderSize), less than its 16 bytes")
        }
        guard let headerSize = Int(exactly: elementHeaderSize), headerSize >= 16 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 12), stream: .token,
                "MINIDUMP_TOKEN_INFO_LIST.ElementHeaderSize is \(elementHeaderSize), less than the 16 bytes of MINIDUMP_TOKEN_INFO_HEADER")
        }
        try cursor.seek(toWindowOffset: UInt64(listHeaderSize), "MINIDUMP_TOKEN_INFO_LIST.ListHeaderSize")
        // Every entry holds at least its header, which bounds the count before allocating.
        let entryCount = try cursor.checkedEntryCount(UInt64(count), stride: headerSize, "MINIDUMP_TOKEN_INFO_LIST")
        var tokens = [TokenInfo]()
        tokens.reserveCapacity(entryCount)
        var diagnostics = [DumpDiagnostic]()
        for index in 0..<entryCount {
            let entryOffset = cursor.offset
            var header = try cursor.subCursor(headerSize, "MINIDUMP_TOKEN_INFO_HEADER \(index)")
            let tokenSize = try header.read(UInt32.self, "MINIDUMP_TOKEN_INFO_HEADER.TokenSize")
            let tokenID = try header.read(UInt32.self, "MINIDUMP_TOKEN_INFO_HEADER.TokenId")
            let tokenHandle = try header.read(UInt64.self, "MINIDUMP_TOKEN_INFO_HEADER.TokenHandle")
            guard let total = Int(exactly: tokenSize), total >= headerSize,
                  total - headerSize <= cursor.remaining
            else {
                diagnostics.append(DumpDiagnostic(
                    stream: .token, offset: entryOffset,
                    "token \(index) has TokenSize \(tokenSize), but needs at least its \(headerSize)-byte header and at most the \(cursor.remaining + headerSize) bytes left; \(entryCount - index) entries are ignored"))
                break
            }
            let data = try cursor.readBytes(total - headerSize, "token \(index) data")
            tokens.append(TokenInfo(tokenSize: tokenSize, tokenID: tokenID, tokenHandle: tokenHandle, bytes: data))
        }
        self.tokens = tokens
        self.diagnostics = diagnostics
    }
}
