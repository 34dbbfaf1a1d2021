import MiniDump

/// Builds the Token stream: `MINIDUMP_TOKEN_INFO_LIST` (16-byte header: `TokenListSize`,
/// `TokenListEntries`, `ListHeaderSize`, `ElementHeaderSize`) then one entry per token, each a
/// 16-byte `MINIDUMP_TOKEN_INFO_HEADER` (`TokenSize` including the header, `TokenId`,
/// `TokenHandle`) followed by the token's raw data.
public struct TokenBuilder: StreamEncoding {
    /// One token.
    public struct Token: Sendable, Hashable {
        /// `TokenId`: the process id for a process token, the thread id for a thread token.
        public var tokenId: UInt32
        /// `TokenHandle`.
        public var handle: UInt64
        /// The token information that follows the header (opaque to the format).
        public var data: [UInt8]
        /// Creates a token entry.
        public init(tokenId: UInt32, handle: UInt64, data: [UInt8]) {
            self.tokenId = tokenId
            self.handle = handle
            self.data = data
        }
    }

    /// Always ``StreamType/token``.
    public var streamType: StreamType { .token }
    /// The tokens, in order.
    public var tokens: [Token]

    /// Creates a token list.
    public init(tokens: [Token]) { self.tokens = tokens }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        let total = 16 + tokens.reduce(0) { $0 + 16 + $1.data.count }
        writer.u32(UInt32(total))
        writer.u32(UInt32(tokens.count))
        writer.u32(16)
        writer.u32(16)
        for token in tokens {
            writer.u32(UInt32(16 + token.data.count))
            writer.u32(token.tokenId)
            writer.u64(token.handle)
            writer.append(token.data)
        }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
