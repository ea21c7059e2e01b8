// Session time between two views: a view says which session time it describes (`t`), and
// performance.now() carries it forward until the next one; frozen while the network is paused.

export { secondsLeft, useSessionNow } from '../sessionClock';
