// The flags `npm start` and `npm run start:cluster` give Node (package.json, checked by
// nodeFlags.test.ts); the benchmarks and the tests that start the server as a process use the
// same, so they measure what a school runs.
//
// --always-sparkplug: V8 compiles each function to its baseline machine code (Sparkplug) the
// first time it runs, instead of interpreting it until it is hot. A server starts cold in front
// of a class that starts all at once: under the `rooms` load (100 rooms × 30 phones from the
// first second) the first 10 s had a p99 latency of 69–174 ms with it against 129–610 ms
// without, in five pairs of runs alternating on the 2-core development machine (4 December
// 2026), with no difference after them or in CPU per message.

export const NODE_FLAGS: readonly string[] = ['--always-sparkplug'];
