import { expect, it } from 'vitest';

it('zod, loaded after noEval, runs jitless (no `new Function` probe for the CSP to report)', async () => {
  await import('./noEval');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
  // Building and using an object schema works the same without the compiled fast path.
  expect(z.object({ a: z.number() }).parse({ a: 1 })).toEqual({ a: 1 });
});
