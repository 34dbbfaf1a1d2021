// The floor with full Foundation linked and used (`String(format:)` lives in Foundation proper,
// which brings FoundationInternationalization and ICU), as a tool written against
// `import Foundation` would start.
import Foundation

struct Line: Encodable {
    var file = "crash.dmp"
    var fileSize = String(format: "%d", 1_049_914)
    var kind = "stackOverflow"
}

let data = (try? JSONEncoder().encode(Line())) ?? Data()
print(String(decoding: data, as: UTF8.self))
