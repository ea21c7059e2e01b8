// docs/PROTOCOL.md is what students' programs are written from: it must name every event the
// server knows, in the right direction, and nothing the server does not know. These tests read
// it as a person would (headings, tables, examples) and hold it to the protocol's table.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faultOp } from '../net/faults';
import { drillName, drillScript } from '../net/script';
import { CLIENT_EVENT_NAMES, CLIENT_EVENTS, type ClientEvent, SERVER_EVENT_NAMES } from './events';

const doc = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
const lines = doc.split('\n');

interface Documented {
  requests: string[];
  pushes: string[];
  /** `→` example payloads, by the request heading they are under. */
  examples: { event: string; payload: string }[];
}

const EVENT_CELL = /^`([a-z]+:[a-z-]+)`$/;

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/**
 * A request is a `### \`event\`` heading, or a row of an event table with an answer column;
 * an event the server sends is a row of an event table without one. Code blocks are skipped.
 */
function readDoc(): Documented {
  const found: Documented = { requests: [], pushes: [], examples: [] };
  let inCode = false;
  let heading: string | null = null;
  let table: 'requests' | 'pushes' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      const arrow = line.match(/^→ (\{.*\})$/);
      if (arrow?.[1] && heading) found.examples.push({ event: heading, payload: arrow[1] });
      continue;
    }
    const h = line.match(/^#{2,4} `([a-z]+:[a-z-]+)`/);
    if (line.startsWith('#')) {
      heading = h?.[1] ?? null;
      if (heading) found.requests.push(heading);
      continue;
    }
    if (!line.startsWith('|')) {
      table = null;
      continue;
    }
    const row = cells(line);
    const next = lines[i + 1] ?? '';
    if (table === null && /^\|[\s|:-]+\|$/.test(next.trim())) {
      // A header row: only tables whose first column is `event` list events.
      if (row[0] === 'event') table = row.some((c) => c.startsWith('answer')) ? 'requests' : 'pushes';
      i++;
      continue;
    }
    const name = row[0]?.match(EVENT_CELL)?.[1];
    if (table && name) found[table].push(name);
  }
  return found;
}

/** The code block that follows the first line starting with `intro`. */
function blockAfter(intro: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(intro));
  expect(start, `docs/PROTOCOL.md has "${intro}"`).toBeGreaterThanOrEqual(0);
  const open = lines.findIndex((l, i) => i > start && l.startsWith('```'));
  const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
  return lines.slice(open + 1, close);
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('docs/PROTOCOL.md against the protocol table', () => {
  const documented = readDoc();

  it('documents every request the server answers, and no other', () => {
    expect(sorted(new Set(documented.requests))).toEqual(sorted(CLIENT_EVENT_NAMES));
  });

  it('documents every event the server sends, and no other', () => {
    expect(sorted(new Set(documented.pushes))).toEqual(sorted(SERVER_EVENT_NAMES));
  });

  it('documents each event once', () => {
    const all = [...documented.requests, ...documented.pushes];
    expect(all.filter((e, i) => all.indexOf(e) !== i)).toEqual([]);
  });

  it('gives request examples the server accepts', () => {
    expect(documented.examples.length).toBeGreaterThanOrEqual(4);
    for (const { event, payload } of documented.examples) {
      expect(CLIENT_EVENT_NAMES, `an example under ${event}`).toContain(event);
      const parsed = CLIENT_EVENTS[event as ClientEvent].payload.safeParse(JSON.parse(payload));
      expect(parsed.success, `${event} example ${payload}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('shows every fault operation, each one the server accepts', () => {
    const ops = blockAfter('Fault operations').map((l) => JSON.parse(l.replace(/\s*\/\/.*$/, '')) as unknown);
    for (const op of ops) expect(faultOp.safeParse(op).success, JSON.stringify(op)).toBe(true);
    const shown = new Set(ops.map((op) => (op as { op: string }).op));
    const declared = faultOp.options.map((o) => o.shape.op.value);
    expect(sorted(shown)).toEqual(sorted(declared));
  });

  it('lists every drill by its name', () => {
    const line = lines.find((l) => l.startsWith('Drills:')) ?? '';
    const paragraph = line + (lines[lines.indexOf(line) + 1] ?? '');
    const names = [...paragraph.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(sorted(names as string[])).toEqual(sorted(drillName.options));
  });

  it('gives a drill script the server accepts', () => {
    const script = JSON.parse(blockAfter('A scripted drill').join('\n')) as unknown;
    const parsed = drillScript.safeParse(script);
    expect(parsed.success, parsed.error?.message).toBe(true);
  });
});
