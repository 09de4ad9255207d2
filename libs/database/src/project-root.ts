import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Source (ts-jest) and build output (dist/) sit at different depths, so find the
// package root by walking up instead of hard-coding a relative path.
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'bidledger') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bidledger package root not found');
    dir = parent;
  }
}
