#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import MiniDumpWriter

// Times whole processes round-robin: one run of each command in turn, ROUNDS times, so that a
// machine whose speed drifts (a busy host, a CPU changing clock) slows every command alike and the
// ratios between them stay fair. hyperfine runs all of one command before the next, which on this
// project's VM moved the floor ratio by half between runs. Each round runs the commands in a new
// random order (seeded): on this VM a process right after a small one (the floor) ran 0.15-0.25 ms
// faster than one right after a large one, so a fixed order favours whatever follows the floor.
// With --block N each command runs N times in a row per round instead (the first untimed): every
// run then finds its own pages warm, as in hyperfine, while rounds still alternate the commands.
// Each run is posix_spawn to waitpid, with standard output and error sent to /dev/null. Prints one
// JSON object per command.

let usage = """
    usage: bench-interleave [--block N] [--seed S] ROUNDS WARMUP -- NAME PROGRAM [ARG...] [-- NAME PROGRAM [ARG...]]...
      ROUNDS     timed rounds (each runs every command once, or N times with --block, in a new order)
      WARMUP     untimed rounds first
      --block N  N runs of a command in a row per round, the first untimed (default 1: one timed run)
      --seed S   the seed of the orders (default 1)
    PROGRAM is a path (no PATH search). Exit status 64 on bad arguments, 1 when a command cannot be
    started or exits with a status other than 0 (the first failure is named on standard error).
    """

struct Command {
    var name: String
    var argv: [String]
}

func fail(_ message: String, status: Int32) -> Never {
    fputs("bench-interleave: \(message)\n", stderr)
    exit(status)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// Runs `argv` once and returns its wall time in milliseconds; stops the program on a failure.
func run(_ command: Command) -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var arguments: [UnsafeMutablePointer<CChar>?] = command.argv.map { strdup($0) }
    arguments.append(nil)
    defer { for argument in arguments { free(argument) } }
    var pid = pid_t()
    let start = now()
    let spawned = posix_spawn(&pid, command.argv[0], &actions, nil, arguments, environ)
    guard spawned == 0 else { fail("\(command.name): cannot start \(command.argv[0]) (error \(spawned))", status: 1) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { fail("\(command.name): waitpid failed (errno \(errno))", status: 1) }
    }
    let elapsed = now() - start
    // Exited normally with status 0: the low seven bits (the signal) and the exit code are zero.
    guard status == 0 else { fail("\(command.name): exited with wait status \(status)", status: 1) }
    return elapsed
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let position = fraction * Double(sorted.count - 1)
    let lower = Int(position)
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
}

func fixed(_ value: Double) -> String {
    let scaled = (value * 1000).rounded()
    return String(Int(scaled) / 1000) + "." + String(String(Int(scaled) % 1000 + 1000).dropFirst())
}

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}


var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "-h" || arguments.first == "--help" {
    print(usage)
    exit(0)
}
var block = 1
var orders = SplitMix64(seed: 1)
while let option = arguments.first, option == "--block" || option == "--seed" {
    guard arguments.count >= 2, let value = Int(arguments[1]), value >= (option == "--block" ? 1 : 0)
    else { fail("\(option) needs a number\n\(usage)", status: 64) }
    if option == "--block" { block = value } else { orders = SplitMix64(seed: UInt64(value)) }
    arguments.removeFirst(2)
}
guard arguments.count >= 4, let rounds = Int(arguments[0]), rounds > 0, let warmup = Int(arguments[1]), warmup >= 0,
      arguments[2] == "--"
else { fail("bad arguments\n\(usage)", status: 64) }
var commands: [Command] = []
for group in arguments[3...].split(separator: "--", omittingEmptySubsequences: true) {
    guard group.count >= 2 else { fail("each command needs a name and a program\n\(usage)", status: 64) }
    commands.append(Command(name: group[group.startIndex], argv: Array(group.dropFirst())))
}
guard !commands.isEmpty else { fail("no commands\n\(usage)", status: 64) }

for _ in 0..<warmup { for command in commands { _ = run(command) } }
var times = [[Double]](repeating: [], count: commands.count)
for _ in 0..<rounds {
    for index in commands.indices.shuffled(using: &orders) {
        if block > 1 { _ = run(commands[index]) }
        for _ in 0..<max(1, block - 1) { times[index].append(run(commands[index])) }
    }
}
for (index, command) in commands.enumerated() {
    let sorted = times[index].sorted()
    let mean = sorted.reduce(0, +) / Double(sorted.count)
    print("{\"name\":\(jsonString(command.name)),\"runs\":\(sorted.count),\"medianMs\":\(fixed(percentile(sorted, 0.5))),"
        + "\"p25Ms\":\(fixed(percentile(sorted, 0.25))),\"p75Ms\":\(fixed(percentile(sorted, 0.75))),"
        + "\"meanMs\":\(fixed(mean)),\"minMs\":\(fixed(sorted.first ?? 0))}")
}
