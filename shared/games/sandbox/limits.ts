// The sandbox's constants that its phone screen needs, apart from config.ts (whose zod schemas
// would come with any import from it).

export const TEXT_MAX = 140;
export const RECIPIENTS_MAX = 300;
/** Items of history each phone sees (the full history stays in the state for the console). */
export const VIEW_ITEMS = 30;
