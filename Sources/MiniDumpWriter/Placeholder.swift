// The minidump writer lives here (see MiniDumpBuilder).
