// Every code the core and the server send has a message, and every message's arguments are
// among the params sent with its code: the sources of shared/ and server/ are read as syntax
// trees (oxc, through rolldown's parser) for each place a code leaves —
//   fail('code', message, {params})                    an error answer (core and server)
//   { code: 'code', message, params }                   an error written out (HTTP, transport)
//   { code: 'code', params } or a Rejection helper      an action a game refuses (shared/games/<g>)
//   notice('code', {params})                            a notice (engines, the session)
//   helper(…'code'…, {params}) for a helper that calls notice(`prefix.${code}`, params)
//   new RecordingError('code', message, {params})        a file the replay cannot read
//   endRound(now, 'code'), { type: 'end', reason }, …     why a round, a drill, a session ended
// — then each message is formatted in every language with the params its code is sent with.
// A code whose text the scan cannot resolve (a variable, not a literal) fails the test: write
// it so that it can be read here.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/protocol/languages';
import { GAMES } from '../games/registry';
import en from './messages/en';
import es from './messages/es';
import fr from './messages/fr';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const bundles: Record<string, Record<string, string>> = { en, es, fr };

// biome-ignore lint/suspicious/noExplicitAny: an ESTree node from the parser, walked generically.
type Node = any;

interface Sent {
  kind: 'error' | 'notice' | 'reason';
  /** A game's refusal (`error.<game>.<code>` first). */
  game?: string;
  code: string;
  /** The params' names (with their value where it is a string written out), or null when they are not an object written out at that place. */
  params: Params | null;
  where: string;
}

type Params = Map<string, string | null>;

interface Helper {
  /** The code's text around the helper's parameter: `election.mark.` + code + ``. */
  before: string;
  after: string;
  codeArg: number;
  /** Which argument carries the params (-1: none; they are written inside the helper). */
  paramsArg: number;
  /** The params when the helper writes them itself. */
  ownParams: Params | null;
  kind: 'error' | 'notice';
}

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

function walk(node: Node, visit: (n: Node, parents: Node[]) => void, parents: Node[] = []): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const c of node) walk(c, visit, parents);
    return;
  }
  if (typeof node.type !== 'string') return;
  visit(node, parents);
  parents.push(node);
  for (const [k, v] of Object.entries(node)) if (k !== 'type' && v && typeof v === 'object') walk(v, visit, parents);
  parents.pop();
}

const isFunction = (n: Node) => n.type === 'FunctionDeclaration' || n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression';
const paramName = (p: Node): string | null => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' ? p.left?.name : null);

/** A function's name: its declaration's, or the const it is assigned to. */
function functionName(fn: Node, parents: Node[]): string | null {
  if (fn.id?.name) return fn.id.name;
  const up = parents.at(-1);
  return up?.type === 'VariableDeclarator' ? (up.id?.name ?? null) : null;
}

/** The string values an expression can take: a literal, or either side of `a ? 'x' : 'y'`; null otherwise. */
function strings(n: Node): string[] | null {
  if (!n) return null;
  if (n.type === 'Literal' && typeof n.value === 'string') return [n.value];
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return [n.quasis[0].value.cooked];
  if (n.type === 'ConditionalExpression') {
    const a = strings(n.consequent);
    const b = strings(n.alternate);
    return a && b ? [...a, ...b] : null;
  }
  if (n.type === 'TSAsExpression' || n.type === 'ParenthesizedExpression') return strings(n.expression);
  return null;
}

/** The names of an object written out ({a, b: 'x'}: a → null, b → 'x'); null for anything else (a variable, a spread). */
function keys(n: Node): Params | null {
  if (!n) return new Map();
  if (n.type === 'Identifier' && n.name === 'undefined') return new Map();
  if (n.type !== 'ObjectExpression') return null;
  const out: Params = new Map();
  for (const p of n.properties) {
    if (p.type !== 'Property') return null;
    const k = p.key.type === 'Identifier' ? p.key.name : p.key.value;
    if (typeof k !== 'string') return null;
    const v = strings(p.value);
    out.set(k, v?.length === 1 ? (v[0] ?? null) : null);
  }
  return out;
}

const prop = (obj: Node, name: string) =>
  obj.properties.find((p: Node) => p.type === 'Property' && (p.key.name === name || p.key.value === name));

const gameOf = (file: string) => /shared\/games\/([^/]+)\//.exec(file)?.[1];

function scan(): { sent: Sent[]; unresolved: string[] } {
  const sources = [...files(path.join(repo, 'shared')), ...files(path.join(repo, 'server'))]
    .map((file) => ({
      file: path.relative(repo, file),
      text: readFileSync(file, 'utf8'),
    }))
    .map((f) => ({ ...f, ast: parseAst(f.text, { lang: 'ts' }, f.file) }));
  const lineOf = new Map(sources.map((f) => [f.file, f.text]));
  const sent: Sent[] = [];
  const unresolved: string[] = [];
  // Helpers are named per game folder (or per file elsewhere): election's `mark` and `notify`.
  const helpers = new Map<string, Helper>();
  const scope = (file: string) => gameOf(file) ?? file;
  const line = (file: string, n: Node) => `${file}:${(lineOf.get(file) ?? '').slice(0, n.start).split('\n').length}`;

  // Pass 1: the helpers.
  for (const { file, ast } of sources) {
    walk(ast, (n, parents) => {
      if (!isFunction(n)) return;
      const name = functionName(n, parents);
      if (!name) return;
      const params: string[] = n.params.map(paramName);
      // A Rejection helper: (code, params?) => Rejection.
      const returns = n.returnType ? JSON.stringify(n.returnType) : '';
      if (params[0] === 'code' && returns.includes('"Rejection"')) {
        helpers.set(`${scope(file)}:${name}`, {
          before: '',
          after: '',
          codeArg: 0,
          paramsArg: params.indexOf('params'),
          ownParams: null,
          kind: 'error',
        });
        return;
      }
      // A notice helper: calls notice(`prefix.${param}`, paramsParam | {…}).
      walk(n.body, (c) => {
        if (c.type !== 'CallExpression' || c.callee?.name !== 'notice') return;
        const code = c.arguments[0];
        if (code?.type !== 'TemplateLiteral' || code.expressions.length !== 1) return;
        const arg = code.expressions[0]?.type === 'Identifier' ? params.indexOf(code.expressions[0].name) : -1;
        if (arg < 0) return;
        const p = c.arguments[1];
        const paramsArg = p?.type === 'Identifier' ? params.indexOf(p.name) : -1;
        helpers.set(`${scope(file)}:${name}`, {
          before: code.quasis[0].value.cooked,
          after: code.quasis[1].value.cooked,
          codeArg: arg,
          paramsArg,
          ownParams: paramsArg < 0 ? keys(p) : null,
          kind: 'notice',
        });
      });
    });
  }

  // Pass 2: every place a code leaves.
  for (const { file, ast } of sources) {
    const game = gameOf(file);
    walk(ast, (n, parents) => {
      const inside = parents.findLast(isFunction);
      const insideName = inside ? functionName(inside, parents.slice(0, parents.lastIndexOf(inside))) : null;
      if (n.type === 'CallExpression' && n.callee?.type === 'Identifier') {
        const callee = n.callee.name;
        if (callee === 'fail' || callee === 'notice') {
          const kind = callee === 'fail' ? 'error' : 'notice';
          const codes = strings(n.arguments[0]);
          const paramsNode = n.arguments[callee === 'fail' ? 2 : 1];
          if (!codes) {
            // notice(`election.${code}`) inside a helper: read at the helper's callers.
            if (insideName && helpers.has(`${scope(file)}:${insideName}`)) return;
            // fail(rejected.code, …) passes on an engine's refusal, read where the engine refuses.
            if (callee === 'fail' && n.arguments[0]?.type === 'MemberExpression') return;
            unresolved.push(`${kind} at ${line(file, n)}`);
            return;
          }
          for (const code of codes) sent.push({ kind, code, params: keys(paramsNode), where: line(file, n) });
          return;
        }
        const helper = helpers.get(`${scope(file)}:${callee}`);
        if (helper && !(insideName === callee)) {
          const codes = strings(n.arguments[helper.codeArg]);
          if (!codes) {
            // A helper calling a helper with its own parameter (`mark(st, node, code, …)`) is read at its callers.
            if (insideName && helpers.has(`${scope(file)}:${insideName}`)) return;
            unresolved.push(`${callee}() at ${line(file, n)}`);
            return;
          }
          const params = helper.paramsArg >= 0 ? keys(n.arguments[helper.paramsArg]) : helper.ownParams;
          for (const code of codes) {
            sent.push({
              kind: helper.kind,
              ...(helper.kind === 'error' && game ? { game } : {}),
              code: helper.before + code + helper.after,
              params,
              where: line(file, n),
            });
          }
        }
        return;
      }
      if (n.type === 'NewExpression' && /Error$/.test(n.callee?.name ?? '')) {
        const codes = strings(n.arguments[0]);
        if (codes && n.arguments.length >= 2 && codes.every((c) => /^[a-z_]+(\.[a-z_]+)+$/.test(c))) {
          for (const code of codes) sent.push({ kind: 'error', code, params: keys(n.arguments[2]), where: line(file, n) });
        }
        return;
      }
      // Why something ended: endRound(now, 'drill'), end(now, 'instructor'), `reason = 'instructor'` defaults.
      if (n.type === 'CallExpression' && ['endRound', 'end', 'stopScript'].includes(n.callee?.property?.name ?? n.callee?.name)) {
        for (const a of n.arguments.slice(n.arguments.length > 1 ? 1 : 0)) {
          for (const code of strings(a) ?? []) sent.push({ kind: 'reason', code, params: new Map(), where: line(file, n) });
        }
        return;
      }
      if (n.type === 'AssignmentPattern' && n.left?.name === 'reason') {
        for (const code of strings(n.right) ?? []) sent.push({ kind: 'reason', code, params: new Map(), where: line(file, n) });
        return;
      }
      if (
        n.type === 'ObjectExpression' &&
        prop(n, 'reason') &&
        (strings(prop(n, 'type')?.value)?.[0] === 'end' || parents.at(-1)?.callee?.property?.name === 'apply')
      ) {
        const call = parents.at(-1);
        const event = call?.type === 'CallExpression' ? strings(call.arguments[1])?.[0] : 'end';
        if (
          event === 'end' ||
          event === 'drill:ended' ||
          event === 'session:ended' ||
          event === 'round:ended' ||
          strings(prop(n, 'type')?.value)?.[0] === 'end'
        ) {
          for (const code of strings(prop(n, 'reason').value) ?? [])
            sent.push({ kind: 'reason', code, params: new Map(), where: line(file, n) });
        }
        return;
      }
      if (n.type === 'ObjectExpression') {
        const code = prop(n, 'code');
        if (!code) return;
        const names = n.properties.map((p: Node) => p.key?.name ?? p.key?.value);
        const values = strings(code.value);
        if (file.startsWith('server/') && names.includes('message') && values) {
          for (const c of values) sent.push({ kind: 'error', code: c, params: keys(prop(n, 'params')?.value), where: line(file, n) });
        } else if (game && values && names.every((k: string) => k === 'code' || k === 'params')) {
          for (const c of values) sent.push({ kind: 'error', game, code: c, params: keys(prop(n, 'params')?.value), where: line(file, n) });
        }
      }
    });
  }
  return { sent, unresolved };
}

/**
 * Argument name → its element (the first one met), over the branches a message can take with
 * these params: a select whose value is written out where the code is sent reads that branch only.
 */
function argumentsOf(
  els: readonly MessageFormatElement[],
  known: Params = new Map(),
  out = new Map<string, MessageFormatElement>(),
): Map<string, MessageFormatElement> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, known, out);
      continue;
    }
    if (!out.has(el.value)) out.set(el.value, el);
    if (el.type === TYPE.select) {
      const value = known.get(el.value);
      const branches = value != null ? [el.options[value] ?? el.options.other] : Object.values(el.options);
      for (const o of branches) if (o) argumentsOf(o.value, known, out);
    } else if (el.type === TYPE.plural) for (const o of Object.values(el.options)) argumentsOf(o.value, known, out);
  }
  return out;
}

/** The message a code is worded with (as words.ts finds it), or null. */
function keyOf(s: Sent): string | null {
  const candidates =
    s.kind === 'notice'
      ? [`notice.${s.code}`]
      : s.kind === 'reason'
        ? [`reason.${s.code}`]
        : [...(s.game ? [`error.${s.game}.${s.code}`] : []), `error.${s.code}`];
  return candidates.find((k) => Object.hasOwn(en, k)) ?? null;
}

/** Every combination worth formatting: each option of each select, numbers and text otherwise. */
function samples(args: Map<string, MessageFormatElement>, known: Params): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [name, el] of args) {
    const value = known.get(name);
    const values: unknown[] =
      value != null
        ? [value]
        : el.type === TYPE.select
          ? [...Object.keys(el.options).filter((k) => k !== 'other'), 'something-else']
          : el.type === TYPE.plural || el.type === TYPE.number
            ? [1, 2]
            : ['Ana'];
    out = out.flatMap((o) => values.map((v) => ({ ...o, [name]: v })));
  }
  return out.slice(0, 64);
}

describe('codes the core and the server send', () => {
  const { sent, unresolved } = scan();

  it('are all found by the scan (literals where they leave)', () => {
    expect(unresolved).toEqual([]);
    // The scan reads the engines' refusals, notices and marks, and the server's errors.
    for (const kind of ['error', 'notice'] as const) expect(sent.filter((s) => s.kind === kind).length, kind).toBeGreaterThan(40);
    for (const game of ['election', 'gossip', 'byzantine', 'sandbox']) {
      expect(
        sent.some((s) => s.game === game),
        `${game}'s refusals`,
      ).toBe(true);
    }
    expect(sent.some((s) => s.code === 'room_full')).toBe(true);
    expect(sent.some((s) => s.code === 'election.mark.leader')).toBe(true);
    expect(sent.some((s) => s.code === 'net.fault.split')).toBe(true);
    expect(sent.some((s) => s.code === 'recording.bad_line')).toBe(true);
    for (const reason of ['instructor', 'drill', 'byzantine.decided', 'idle', 'finished']) {
      expect(
        sent.some((s) => s.kind === 'reason' && s.code === reason),
        reason,
      ).toBe(true);
    }
  });

  it('each have a message in the catalogue', () => {
    const missing = sent.filter((s) => keyOf(s) === null).map((s) => `${s.kind} ${s.game ? `${s.game}.` : ''}${s.code} (${s.where})`);
    expect(missing).toEqual([]);
  });

  it('each format in every language with the params sent with them (no missing argument)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const s of sent) {
      const key = keyOf(s);
      if (!key || s.params === null) continue;
      const args = argumentsOf(parse(en[key as keyof typeof en], { ignoreTag: true }), s.params);
      const missing = [...args.keys()].filter((a) => !s.params?.has(a));
      if (missing.length) problems.push(`${key} needs {${missing.join('}, {')}}, ${s.where} sends {${[...s.params.keys()].join(', ')}}`);
      for (const lang of LANGUAGES) {
        const text = bundles[lang]?.[key] ?? '';
        // Only the params sent: a missing one throws.
        for (const values of samples(args, s.params).map((v) => Object.fromEntries(Object.entries(v).filter(([k]) => s.params?.has(k))))) {
          try {
            new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(values as Record<string, string>);
          } catch (err) {
            problems.push(`${lang} ${key}: ${(err as Error).message}`);
          }
        }
      }
      checked++;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });
});

describe('games', () => {
  it('each have a name in the catalogue (a `game` param is worded with it)', () => {
    const ids = [...GAMES.keys()];
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.filter((id) => !Object.hasOwn(en, `game.${id}.name`))).toEqual([]);
  });
});
