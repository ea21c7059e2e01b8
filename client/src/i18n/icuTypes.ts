// The parameters an ICU message needs, read from the English text by the compiler, so that a
// call site that forgets one, misspells one or passes a word where a count is needed fails the
// typecheck. It follows ICU's nesting (arguments, then `plural`/`select` options whose branches
// are messages again) but not its quoting: catalogue texts do not quote braces (README).
// catalogue.test.ts checks with the real parser that every message parses and that each
// language asks for the same arguments as English.

type Space = ' ' | '\n' | '\t';
type Trim<S extends string> = S extends `${Space}${infer R}` ? Trim<R> : S extends `${infer R}${Space}` ? Trim<R> : S;
type Has<S extends string, C extends string> = S extends `${string}${C}${string}` ? true : false;

/** What a simple `{name}` accepts: words and numbers (lists and nicknames are worded before). */
export type TextParam = string | number;

type TypeOf<Kind extends string> = Kind extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Kind extends 'date' | 'time'
    ? Date | number
    : Kind extends 'select'
      ? string
      : TextParam;

/** A message (or a branch of one) up to the `}` that closes it: [params, what follows]. */
type Text<S extends string, Acc> = S extends `${infer A}{${infer B}`
  ? Has<A, '}'> extends true
    ? S extends `${string}}${infer After}`
      ? [Acc, After]
      : [Acc, '']
    : Arg<B, Acc> extends [infer Acc2, infer Rest extends string]
      ? Text<Rest, Acc2>
      : never
  : S extends `${string}}${infer After}`
    ? [Acc, After]
    : [Acc, ''];

/** After an argument's `{`: `name}` or `name, type}` or `name, type, style-or-options}`. */
type Arg<B extends string, Acc> = B extends `${infer N}}${infer R}`
  ? Has<N, ','> extends false
    ? [Acc & { [K in Trim<N>]: TextParam }, R]
    : Typed<B, Acc>
  : Typed<B, Acc>;

type Typed<B extends string, Acc> = B extends `${infer N},${infer R}`
  ? R extends `${infer T}}${infer R2}`
    ? Has<T, ','> extends false
      ? [Acc & { [K in Trim<N>]: TypeOf<Trim<T>> }, R2]
      : WithOptions<Trim<N>, R, Acc>
    : WithOptions<Trim<N>, R, Acc>
  : [Acc, ''];

type WithOptions<N extends string, R extends string, Acc> = R extends `${infer T},${infer R2}`
  ? Trim<T> extends 'plural' | 'selectordinal' | 'select'
    ? Options<R2, Acc & { [K in N]: TypeOf<Trim<T>> }>
    : R2 extends `${string}}${infer R3}`
      ? [Acc & { [K in N]: TypeOf<Trim<T>> }, R3]
      : [Acc, '']
  : [Acc, ''];

/** `key {message} key {message} … }`: each branch is a message; the lone `}` ends the argument. */
type Options<S extends string, Acc> = S extends `${infer K}{${infer M}`
  ? Has<K, '}'> extends true
    ? S extends `${string}}${infer After}`
      ? [Acc, After]
      : [Acc, '']
    : Text<M, Acc> extends [infer Acc2, infer Rest extends string]
      ? Options<Rest, Acc2>
      : never
  : S extends `${string}}${infer After}`
    ? [Acc, After]
    : [Acc, ''];

type Flatten<T> = { [K in keyof T]: T[K] };

/** The parameters of one ICU message: `{}` when it has none. */
export type IcuParams<S extends string> = string extends S ? Record<string, unknown> : Flatten<Text<S, unknown>[0] & {}>;
