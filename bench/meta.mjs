// What a benchmark run records about itself: the machine, package versions,
// commit, whether dist/ is stale, and the machine's load (`uptime`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem, release, platform, arch, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).toString().trim();
  } catch {
    return undefined;
  }
}

/** `uptime`'s line (load averages over 1, 5 and 15 minutes), for the report. */
export function uptimeText() {
  try {
    return execFileSync('uptime', { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).toString().trim();
  } catch {
    return `load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
}

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model?.trim(),
    cores: c.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    versions: {
      'nodejs-polars': pkgVersion('nodejs-polars'),
      '@duckdb/node-api': pkgVersion('@duckdb/node-api'),
      arquero: pkgVersion('arquero'),
      'apache-arrow': pkgVersion('apache-arrow'),
      vitest: pkgVersion('vitest'),
      sparkless: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    },
    commit: git('rev-parse', '--short', 'HEAD'),
    // Uncommitted changes under src/ mean dist/ may not be the code of `commit`.
    srcDirty: git('status', '--porcelain', '--', 'src') ? true : undefined,
  };
}

/** Whether dist/ is older than the newest file under src/ (the sparkless figures would be of old code). */
export function staleBuild() {
  const dist = join(ROOT, 'dist', 'index.js');
  if (!existsSync(dist)) return undefined;
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  if (existsSync(join(ROOT, 'src'))) walk(join(ROOT, 'src'));
  return newest > statSync(dist).mtimeMs;
}
