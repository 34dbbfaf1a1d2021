// The floor with FoundationEssentials linked and used (JSONEncoder), as a tool that renders its
// JSON with Foundation would start.
import FoundationEssentials

struct Line: Encodable {
    var file = "crash.dmp"
    var fileSize = 1_049_914
    var kind = "stackOverflow"
}

let data = (try? JSONEncoder().encode(Line())) ?? Data()
print(String(decoding: data, as: UTF8.self))
