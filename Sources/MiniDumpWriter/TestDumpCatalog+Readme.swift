extension TestDumpCatalog {
    /// The text of `TestDumps/README.md`, generated from `dumps` (by default ``all()``), so it states
    /// exactly what the files hold.
    public static func readme(for dumps: [TestDump]? = nil) -> String {
        let dumps = dumps ?? all()
        var text = """
            # TestDumps

            Minidumps this project builds itself with `MiniDumpWriter`, for what the real corpus in
            `../shared/dumps` lacks and for the README's demo. Regenerate them (and this file) with

                swift run make-testdumps TestDumps

            The definitions live in `Sources/MiniDumpWriter/TestDumpCatalog*.swift`; the tests
            (`Tests/MiniDumpTests/TestDumpsTests.swift`) regenerate every file in memory and fail when a
            committed file differs, so edit the catalog, never the files. Everything below except each
            first paragraph is generated from the scenes, so the numbers are exactly what the bytes hold.
            Addresses are virtual addresses in the dumped process; sizes and offsets are hex.

            | File | Bytes | Opens |
            |---|---:|---|

            """
        for dump in dumps {
            text += "| [`\(dump.path)`](#\(anchor(dump.path))) | \(dump.bytes.count) | "
                + (dump.expectation == .opens ? "yes" : "no, throws") + " |\n"
        }
        for dump in dumps {
            text += "\n## \(dump.path)\n\n\(dump.summary)\n\n\(dump.details)\n"
        }
        return text
    }

    /// GitHub's heading anchor for a file name: lower-case, punctuation other than `-` removed.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character.isLetter || character.isNumber || character == "-" { return character }
            if character == " " { return "-" }
            return nil
        })
    }
}
