import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from './nodeFlags';

const scripts = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).scripts as Record<string, string>;

describe('the flags the server runs with', () => {
  it('are the ones npm start and start:cluster give Node', () => {
    expect(scripts.start).toBe(`node ${NODE_FLAGS.join(' ')} --import tsx server/main.ts`);
    expect(scripts['start:cluster']).toBe(`node ${NODE_FLAGS.join(' ')} --import tsx server/cluster/main.ts`);
  });
});
