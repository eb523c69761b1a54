/**
 * The package tests load dist/. CI builds before testing; locally, dist/ is
 * rebuilt (`npm run build`) when it is missing or older than its sources, so a
 * stale build can neither fail nor pass these tests by accident.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `path` (a file or a directory tree). */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/testing.cjs'];
const INPUTS = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'];

function isFresh(root: string): boolean {
  const outs = OUTPUTS.map((f) => join(root, f));
  const built = outs.every((f) => existsSync(f)) ? Math.min(...outs.map((f) => statSync(f).mtimeMs)) : -1;
  return built >= Math.max(...INPUTS.map((f) => newest(join(root, f))));
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ unless it is fresh; test files running in parallel take turns (a lock directory), so one builds. */
export function ensureBuilt(root: string): void {
  if (isFresh(root)) return;
  const lock = join(root, 'node_modules', '.sparkless-build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      sleep(500);
    }
  }
  try {
    if (!isFresh(root)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
