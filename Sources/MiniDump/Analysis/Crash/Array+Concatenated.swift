extension [String] {
    /// The strings with `separator` between them, as `joined(separator:)` returns them.
    ///
    /// The standard library's `joined(separator:)` is not specialised for arrays: its first call in
    /// a process looks up `Array: Collection` at run time by scanning every protocol conformance
    /// in the binary, about 0.2 M instructions. Crash analysis runs once per process, so that
    /// first call was a visible part of `summary` (docs/performance.md).
    func concatenated(separator: String) -> String {
        var text = ""
        for (index, element) in enumerated() {
            if index > 0 { text += separator }
            text += element
        }
        return text
    }
}
