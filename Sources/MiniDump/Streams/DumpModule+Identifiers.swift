extension DumpModule {
    /// The file holding the module's debug information: the PDB file name from a PDB 7.0 or 2.0
    /// CodeView record, or for an ELF build-id record the module's own file ``name``.
    ///
    /// `nil` when there is no CodeView record, it is of an unknown kind, or its PDB name is empty.
    public var debugFile: String? {
        switch codeView {
        case .pdb70(_, _, let pdbFileName), .pdb20(_, _, let pdbFileName):
            pdbFileName.isEmpty ? nil : pdbFileName
        case .elf:
            name.isEmpty ? nil : name
        case .unknown, nil:
            nil
        }
    }

    /// The Breakpad-style debug identifier (see ``CodeViewRecord/breakpadDebugID``), e.g.
    /// `5A9F4004DB806B50BCBD7B6C55417B041` for a PDB with age 1, or an ELF build id folded into a
    /// GUID with age `0`.
    ///
    /// `nil` when there is no CodeView record or it is of an unknown kind.
    public var debugId: String? { codeView?.breakpadDebugID }

    /// The identifier symbol servers use to find the binary itself.
    ///
    /// For an ELF build-id record: the build id in lower-case hex (`nil` when the build id is empty
    /// or all zero, as for mapped data files). Otherwise the PE form: `TimeDateStamp` as eight
    /// upper-case hex digits followed by `SizeOfImage` in lower-case hex (`5FFB0DEB267000`); `nil`
    /// when the timestamp is zero, which is what non-PE modules without a build id carry.
    public var codeId: String? {
        if case .elf(let buildID) = codeView {
            guard buildID.contains(where: { $0 != 0 }) else { return nil }
            return buildID.map { DumpGUID.hex(UInt64($0), 2).lowercased() }.joined()
        }
        return Self.peCodeId(timestamp: timestamp, size: size)
    }

    /// `%08X%x` of timestamp and size, or `nil` for a zero timestamp.
    static func peCodeId(timestamp: UInt32, size: UInt64) -> String? {
        guard timestamp != 0 else { return nil }
        return DumpGUID.hex(UInt64(timestamp), 8) + Hex.string(UInt64(size), uppercase: false, prefixed: false)
    }
}
