// The baseline for the acknowledgement benchmark: the product's own server, except that an
// action's `ok` goes at once instead of after its event is on disk (how it was before). Only
// the benchmark starts it; nothing else can choose this.

import { createApplication } from '../../server/app';
import { loadConfig } from '../../server/config';

const app = await createApplication(loadConfig(process.env), { log: () => {}, recordings: { acknowledge: 'at-once' } });
await app.listen();
console.log('Human Cluster (acknowledging at once) is running.');
