/// The progress line on standard error — files done of the total, a bar, the rate and the time left —
/// drawn only when standard error is a terminal, at most ten times a second, and erased at the end.
struct ScanProgress {
    let total: Int
    let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    /// Redraws the line for `done` files finished (throttled; the last file always draws).
    mutating func update(done: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        drawn = true
        Console.write(fd: 2, "\r" + Self.line(done: done, total: total, elapsed: now - start) + "\u{1B}[K")
    }

    /// Erases the line.
    mutating func finish() {
        guard enabled, drawn else { return }
        Console.write(fd: 2, "\r\u{1B}[K")
        drawn = false
    }

    /// `  120/1000 files [###.........................]  12%  48.0 files/s  ETA 0:18`.
    static func line(done: Int, total: Int, elapsed: Duration) -> String {
        let width = 28
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(done)/\(total) files [\(bar)] \(Int(fraction * 100))%"
        if rate > 0 {
            text += "  \((rate * 10).rounded() / 10) files/s"
            if done < total { text += "  ETA " + clock(Double(total - done) / rate) }
        }
        return text
    }

    /// `1:05`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e7 else { return "?" }
        let whole = Int(seconds.rounded(.up))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if whole >= 3600 { return "\(whole / 3600):\(two(whole / 60 % 60)):\(two(whole % 60))" }
        return "\(whole / 60):\(two(whole % 60))"
    }
}
