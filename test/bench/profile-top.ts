// Where a server's CPU went: sums the self time of each function in a V8 CPU profile
// (`npm run bench -- rooms --profile DIR` writes one per product server) and prints the top,
// as a share of the busy (non-idle) time.
//   npx tsx test/bench/profile-top.ts DIR/CPU.….cpuprofile [--top 40] [--by file]

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function main(): void {
  const args = process.argv.slice(2);
  const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 40;
  const byFile = args.includes('--by') && args[args.indexOf('--by') + 1] === 'file';
  const files = args.filter((a, i) => !a.startsWith('--') && !['--top', '--by'].includes(args[i - 1] ?? ''));
  const self = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (let k = 0; k < p.samples.length; k++) {
      const node = byId.get(p.samples[k]!);
      const dt = p.timeDeltas[k] ?? 0;
      if (!node) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') {
        if (functionName === '(idle)') idle += dt;
        else busy += dt;
        if (functionName !== '(program)') continue;
      } else busy += dt;
      const short = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|test)\//, '$1/');
      const key = byFile ? short || '(native)' : `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    }
  }
  console.log(`busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

main();
