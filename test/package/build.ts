/**
 * The package tests load dist/. CI builds before testing; locally, dist/ is
 * rebuilt (`npm run build`) when it is missing or older than its sources, so a
 * stale build can neither fail nor pass these tests by accident.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `path` (a file or a directory tree). */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/testing.cjs'];
const INPUTS = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'];

export function ensureBuilt(root: string): void {
  const outs = OUTPUTS.map((f) => join(root, f));
  const built = outs.every((f) => existsSync(f)) ? Math.min(...outs.map((f) => statSync(f).mtimeMs)) : -1;
  if (built >= Math.max(...INPUTS.map((f) => newest(join(root, f))))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}
