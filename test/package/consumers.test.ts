/**
 * The package as a user gets it: `npm pack`, the tarball really installed
 * (with its dependencies) into a folder holding four consumer projects (ESM +
 * `nodenext`, ESM + `bundler`, CommonJS + `nodenext`, plain JavaScript; see
 * consumers.ts), each typechecked and run under Vitest and Jest. The runners
 * and TypeScript are linked from this repository's node_modules to keep the
 * test fast; sparkless, nodejs-polars and apache-arrow come from the tarball's
 * install (`--prefer-offline`: npm's cache first, the registry when it lacks them).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './build.js';
import { CONSUMERS, DEV_DEPENDENCIES } from './consumers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (path: string): string => join(root, 'node_modules', path);
let base = '';

/** The environment of a consumer's runner: none of this run's runner, backend or Spark settings. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|JEST|SPARKLESS_|SPARK_)/.test(key) || key === 'TEST' || key === 'NODE_OPTIONS') delete env[key];
  }
  return { ...env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** The packages in a node_modules folder (`@scope/name` for scoped ones), without its dot-entries. */
function packageNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(join(dir, n)).map((m) => `${n}/${m}`) : [n]));
}

interface Run {
  readonly code: number;
  readonly out: string;
}

function run(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: consumerEnv(), maxBuffer: 32 << 20, timeout: 280_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, out: `${stdout}\n${stderr}` });
    });
  });
}

beforeAll(() => {
  ensureBuilt(root);
  base = mkdtempSync(join(tmpdir(), 'sparkless-pack-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', base], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(base).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(base, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', `./${tarball}`],
    { cwd: base, stdio: 'pipe', env: consumerEnv() },
  );
  // After the install, which would prune links it did not make: the runners and
  // everything they depend on, as npm would hoist them into a user's node_modules.
  for (const name of packageNames(bin(''))) {
    const link = join(base, 'node_modules', name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(bin(name), link, 'dir');
  }
  for (const dep of DEV_DEPENDENCIES) expect(realpathSync(join(base, 'node_modules', dep))).toBe(realpathSync(bin(dep)));
  for (const consumer of CONSUMERS) {
    for (const [path, text] of Object.entries(consumer.files)) {
      mkdirSync(dirname(join(base, consumer.name, path)), { recursive: true });
      writeFileSync(join(base, consumer.name, path), text);
    }
  }
}, 600_000);

afterAll(() => {
  if (base && !process.env.SPARKLESS_KEEP_CONSUMERS) rmSync(base, { recursive: true, force: true });
});

/** Each runner's summary of the file: 3 passing tests and the 2 that fail on purpose. */
const SUMMARY = { vitest: /Tests\s+2 failed \| 3 passed \(5\)/, jest: /Tests:\s+2 failed, 3 passed, 5 total/ };

/** What a user must read in the failures: the DataFrame as its Spark table, the real error class. */
function expectFailureMessages(out: string): void {
  expect(out).toMatch(/toEqualDataFrame/);
  expect(out).toMatch(/\|name\s*\|age\s*\|/);
  expect(out).toMatch(/actual\[0\]\s+\|\s*Ann\|\s*30\|/);
  expect(out).toMatch(/expected\[0\]\s+\|\s*Ann\|\s*31\|/);
  expect(out).toMatch(/AnalysisException: \[UNRESOLVED_COLUMN\.WITH_SUGGESTION\] A column or function parameter with name `nope` cannot be resolved/);
  expect(out).not.toMatch(/_class\d|Cannot read private member/);
}

describe.concurrent('the packed tarball in consumer projects', { timeout: 300_000 }, () => {
  it('installs the sparkless command (package.json bin)', async () => {
    const cli = join(base, 'node_modules', '.bin', 'sparkless');
    expect(await run(base, [cli, 'sql', 'SELECT 1 + 1'])).toEqual({ code: 0, out: '+-------+\n|(1 + 1)|\n+-------+\n|      2|\n+-------+\n\n' });
    const upper = await run(base, [cli, 'functions', 'upper']);
    expect(upper.out).toMatch(/\|upper\|implemented\|scalar\|1 {3}\|native\|NULL\|/);
  });

  for (const consumer of CONSUMERS) {
    const dir = (): string => join(base, consumer.name);

    if (consumer.typescript) {
      it(`${consumer.name}: typechecks`, async () => {
        const { code, out } = await run(dir(), [bin('typescript/bin/tsc'), '-p', '.']);
        expect(out.trim()).toBe('');
        expect(code).toBe(0);
      });
    }

    it(`${consumer.name}: Vitest passes and fails as it should`, async () => {
      const { code, out } = await run(dir(), [bin('vitest/vitest.mjs'), 'run']);
      expect(out).toMatch(SUMMARY.vitest);
      expect(code).toBe(1);
      expectFailureMessages(out);
    });

    it(`${consumer.name}: Jest passes and fails as it should`, async () => {
      const { code, out } = await run(dir(), [bin('jest/bin/jest.js'), '--ci']);
      expect(out).toMatch(SUMMARY.jest);
      expect(code).toBe(1);
      expectFailureMessages(out);
    });
  }
});
