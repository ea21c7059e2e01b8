// The sandbox's constants that its phone screen needs, apart from config.ts (whose zod schemas
// would come with any import from it).

export const TEXT_MAX = 140;
export const RECIPIENTS_MAX = 300;
/** The messages each phone sees, received and sent; the round keeps no more (the console shows counts). */
export const VIEW_ITEMS = 30;
