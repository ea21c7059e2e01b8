// The languages the product speaks. The recording stays language-neutral (codes and
// parameters); the only trace of a language in it is the room's language, which the instructor
// sets for the phones, the console and the stage (a replay follows its own reader).

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (s: unknown): s is Language => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);
