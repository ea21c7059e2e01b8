// Zod compiles fast parsers with `new Function` when it may; it probes for that once, and under
// the server's Content Security Policy (no 'unsafe-eval') the probe is reported as a violation
// even though zod catches it. Jitless mode skips the probe. Imported first by every entry point.

import { config } from 'zod/v4/core';

config({ jitless: true });
