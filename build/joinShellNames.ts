// The names of the join pages the build writes (build/joinShells.ts) and the server sends
// (server/static.ts): a file of its own so that the server does not load the build's plugins.

export type JoinShell = 'join' | 'join-code' | 'join-plain';
export const joinShellFile = (kind: JoinShell, lang: string) => `${kind}.${lang}.html`;
/** Where join-code.<lang>.html takes the room's code (letters and digits only, checked by the server); not `__hc…`, the test hooks' prefix that a production build must not hold. */
export const CODE_SLOT = '%ROOM_CODE%';
