// The floor: a Swift program that only prints one JSON line, so its time is process start-up and
// the runtime's own initialisation. scripts/bench.sh builds it fully static, with -static-stdlib
// and dynamically linked.
print(#"{"file":"crash.dmp","fileSize":1049914,"kind":"stackOverflow","exception":{"code":"0xC00000FD"}}"#)
