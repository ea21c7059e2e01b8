// Zod compiles fast parsers with `new Function` when it may; it probes for that when it builds
// an object schema, and under the server's Content Security Policy (no 'unsafe-eval') the probe
// is reported as a violation even though zod catches it. Jitless mode skips the probe. Zod keeps
// its settings on globalThis.__zod_globalConfig (so that copies of zod share them): setting it
// here, first in every entry point, costs the phone's page no zod code. noEval.test.ts checks
// that zod reads it.

const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
