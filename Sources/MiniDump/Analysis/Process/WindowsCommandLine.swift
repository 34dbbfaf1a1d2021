/// Splits a Windows command line into arguments the way `CommandLineToArgvW` and the Microsoft C
/// runtime do, and finds IIS worker-process settings in it.
public enum WindowsCommandLine {
    /// The arguments of `commandLine`; the first is the program.
    ///
    /// Rules: the program name ends at the first space or tab (or at its closing quote when it starts
    /// with one, with no escapes); later arguments are split at unquoted spaces and tabs, `2n`
    /// backslashes before a quote give `n` backslashes and toggle quoting, `2n+1` give `n` and a
    /// literal quote, `""` inside quotes is a literal quote, and other backslashes are literal.
    public static func arguments(_ commandLine: String) -> [String] {
        let chars = Array(commandLine.unicodeScalars)
        var arguments = [String]()
        var index = 0
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        // The program name.
        var program = String.UnicodeScalarView()
        if index < chars.count, chars[index] == "\"" {
            index += 1
            while index < chars.count, chars[index] != "\"" {
                program.append(chars[index])
                index += 1
            }
            if index < chars.count { index += 1 }
        } else {
            while index < chars.count, !isBlank(chars[index]) {
                program.append(chars[index])
                index += 1
            }
        }
        guard !chars.isEmpty else { return [] }
        arguments.append(String(program))
        while true {
            while index < chars.count, isBlank(chars[index]) { index += 1 }
            guard index < chars.count else { break }
            var current = String.UnicodeScalarView()
            var quoted = false
            while index < chars.count {
                let scalar = chars[index]
                if isBlank(scalar), !quoted { break }
                if scalar == "\\" {
                    var slashes = 0
                    while index < chars.count, chars[index] == "\\" {
                        slashes += 1
                        index += 1
                    }
                    if index < chars.count, chars[index] == "\"" {
                        current.append(contentsOf: repeatElement("\\", count: slashes / 2))
                        if slashes % 2 == 1 {
                            current.append("\"")
                            index += 1
                        }
                    } else {
                        current.append(contentsOf: repeatElement("\\", count: slashes))
                    }
                    continue
                }
                if scalar == "\"" {
                    if quoted, index + 1 < chars.count, chars[index + 1] == "\"" {
                        current.append("\"")
                        index += 2
                        continue
                    }
                    quoted.toggle()
                    index += 1
                    continue
                }
                current.append(scalar)
                index += 1
            }
            arguments.append(String(current))
        }
        return arguments
    }

    /// The value following option `name` (compared case-insensitively, e.g. `-ap`), or `nil`.
    public static func value(of name: String, in arguments: [String]) -> String? {
        let wanted = name.lowercased()
        var index = 1
        while index + 1 < arguments.count {
            if arguments[index].lowercased() == wanted { return arguments[index + 1] }
            index += 1
        }
        return nil
    }

    /// The IIS application pool of a `w3wp.exe` command line (the `-ap` argument), or `nil` when the
    /// program is not `w3wp.exe` or has no `-ap`.
    public static func iisAppPoolName(_ commandLine: String) -> String? {
        let arguments = arguments(commandLine)
        guard let program = arguments.first else { return nil }
        let name = program.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? program
        guard name.lowercased() == "w3wp.exe" || name.lowercased() == "w3wp" else { return nil }
        return value(of: "-ap", in: arguments)
    }
}
