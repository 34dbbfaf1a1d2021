import Synchronization
import Testing

@testable import MiniDump

/// `DecodeCache`: each key decoded once, errors remembered, a different type under a key replaced.
@Suite("Decode cache")
struct DecodeCacheTests {
    /// Counts how often a decoder ran.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func bump() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    @Test("A key decodes once; other keys decode on their own")
    func decodesOnce() throws {
        let cache = DecodeCache()
        let runs = Counter()
        for _ in 0..<3 {
            let value = try cache.value("threads") { () throws(MiniDumpError) -> Int in
                runs.bump()
                return 42
            }
            #expect(value == 42)
        }
        #expect(runs.value == 1)
        let other = try cache.value("modules") { () throws(MiniDumpError) -> String in "ntdll.dll" }
        #expect(other == "ntdll.dll")
        #expect(try cache.value("threads") { () throws(MiniDumpError) -> Int in 0 } == 42)
    }

    @Test("A decoding error is stored and thrown again without decoding")
    func remembersErrors() {
        let cache = DecodeCache()
        let runs = Counter()
        let failure = MiniDumpError(.truncated, offset: 32, "the thread list needs 16 bytes, 4 remain")
        for _ in 0..<2 {
            #expect(throws: failure) {
                try cache.value("threadList") { () throws(MiniDumpError) -> Int in
                    runs.bump()
                    throw failure
                }
            }
        }
        #expect(runs.value == 1)
    }

    @Test("A different type under the same key replaces the entry")
    func replacesOtherType() throws {
        let cache = DecodeCache()
        #expect(try cache.value("key") { () throws(MiniDumpError) -> Int in 1 } == 1)
        #expect(try cache.value("key") { () throws(MiniDumpError) -> String in "one" } == "one")
        let runs = Counter()
        let again = try cache.value("key") { () throws(MiniDumpError) -> String in
            runs.bump()
            return "two"
        }
        #expect(again == "one")
        #expect(runs.value == 0)
    }

    @Test("A stream the dump lacks is looked for once; an optional of another type decodes on its own")
    func remembersAbsence() throws {
        let cache = DecodeCache()
        let runs = Counter()
        for _ in 0..<3 {
            let found = try cache.value("systemInfo") { () throws(MiniDumpError) -> Int? in
                runs.bump()
                return nil
            }
            #expect(found == nil)
        }
        #expect(runs.value == 1)
        // The same key asked for as another optional type is not answered by the stored absence.
        let other = try cache.value("systemInfo") { () throws(MiniDumpError) -> String? in "x86" }
        #expect(other == "x86")
        // A present optional value is returned as it is, and stored once.
        let present = try cache.value("miscInfo") { () throws(MiniDumpError) -> Int? in
            runs.bump()
            return 7
        }
        #expect(present == 7)
        #expect(try cache.value("miscInfo") { () throws(MiniDumpError) -> Int? in nil } == 7)
        #expect(runs.value == 2)
    }
}
