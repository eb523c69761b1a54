#!/usr/bin/env node
/**
 * A real Spark 3.5 Connect server for development and CI: the referee the
 * test suites run against (`SPARK_REMOTE=sc://127.0.0.1:15002`).
 *
 *   node scripts/spark-server.mjs install   resolve the jars from Maven Central (spark/pom.xml) into spark/jars
 *   node scripts/spark-server.mjs start     install if needed, start on 127.0.0.1:15002, wait until it answers
 *   node scripts/spark-server.mjs stop      stop the server this script started (by its recorded pid only)
 *   node scripts/spark-server.mjs status    print whether it runs, its pid, port and log
 *
 * Environment: SPARK_CONNECT_PORT (15002), SPARK_SERVER_HEAP (2g), SPARK_SERVER_START_TIMEOUT (seconds, 180),
 * SPARKLESS_SPARK_DIR (where the pid, log and warehouse live; default <tmp>/sparkless-spark-<port>),
 * JAVA (the java binary; default java on PATH, else $JAVA_HOME/bin/java).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pom = join(root, 'spark', 'pom.xml');
const jarsDir = join(root, 'spark', 'jars');
const port = Number(process.env.SPARK_CONNECT_PORT ?? 15002);
const heap = process.env.SPARK_SERVER_HEAP ?? '2g';
const timeoutSec = Number(process.env.SPARK_SERVER_START_TIMEOUT ?? 180);
const stateDir = process.env.SPARKLESS_SPARK_DIR ?? join(tmpdir(), `sparkless-spark-${port}`);
const pidFile = join(stateDir, 'server.pid');
const logFile = join(stateDir, 'server.log');

// The module openings Spark's own launcher adds on Java 17 (JavaModuleOptions in spark-launcher).
const OPENS = [
  'java.lang', 'java.lang.invoke', 'java.lang.reflect', 'java.io', 'java.net', 'java.nio', 'java.util',
  'java.util.concurrent', 'java.util.concurrent.atomic', 'jdk.internal.ref', 'sun.nio.ch', 'sun.nio.cs',
  'sun.security.action', 'sun.util.calendar',
].map((p) => `--add-opens=java.base/${p}=ALL-UNNAMED`);

// Spark settings: one local process, loopback only, UTC, 3.5's default non-ANSI mode.
const SPARK_CONF = {
  'spark.master': 'local[2]',
  'spark.app.name': 'sparkless-referee',
  'spark.ui.enabled': 'false',
  'spark.sql.shuffle.partitions': '2',
  'spark.connect.grpc.binding.port': String(port),
  'spark.driver.host': '127.0.0.1',
  'spark.driver.bindAddress': '127.0.0.1',
  'spark.sql.session.timeZone': 'UTC',
  'spark.sql.ansi.enabled': 'false',
  'spark.sql.warehouse.dir': join(stateDir, 'warehouse'),
};

function javaBin() {
  if (process.env.JAVA) return process.env.JAVA;
  const onPath = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (onPath.status === 0) return 'java';
  if (process.env.JAVA_HOME) return join(process.env.JAVA_HOME, 'bin', 'java');
  return undefined;
}

function jarsInstalled() {
  return existsSync(jarsDir) && readdirSync(jarsDir).some((f) => f.startsWith('spark-connect_'));
}

function install() {
  if (jarsInstalled()) return;
  const t0 = Date.now();
  console.log(`spark: resolving Spark Connect jars with Maven (${pom})`);
  const r = spawnSync(
    'mvn',
    ['-B', '-q', '-f', pom, 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      '-DincludeScope=runtime', `-DoutputDirectory=${jarsDir}`],
    { stdio: 'inherit' },
  );
  if (r.error || r.status !== 0) {
    rmSync(jarsDir, { recursive: true, force: true });
    fail(`Maven could not resolve the Spark jars (${r.error?.message ?? `exit ${r.status}`}).`);
  }
  const files = readdirSync(jarsDir);
  console.log(`spark: ${files.length} jars in spark/jars (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function readPid() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers() {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
  });
}

function logTail(lines = 40) {
  if (!existsSync(logFile)) return '(no log)';
  return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}

function fail(message) {
  console.error(`spark: ${message}`);
  process.exit(1);
}

async function start() {
  const running = readPid();
  if (running && alive(running) && (await portAnswers())) {
    console.log(`spark: already running (pid ${running}) at sc://127.0.0.1:${port}`);
    return;
  }
  if (await portAnswers()) fail(`port ${port} is already in use by another process; set SPARK_CONNECT_PORT.`);
  const java = javaBin();
  if (!java) fail('no Java found (java on PATH or JAVA_HOME): Spark needs Java 17.');
  install();
  mkdirSync(stateDir, { recursive: true });
  const props = Object.entries(SPARK_CONF).map(([k, v]) => `-D${k}=${v}`);
  const args = [
    `-Xmx${heap}`, '-XX:+IgnoreUnrecognizedVMOptions', ...OPENS,
    '--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED', '-Djdk.reflect.useDirectMethodHandle=false',
    '-Duser.timezone=UTC', `-Dlog4j2.configurationFile=${join(root, 'spark', 'log4j2.properties')}`, ...props, '-cp', join(jarsDir, '*'), 'org.apache.spark.sql.connect.service.SparkConnectServer',
  ];
  const out = openSync(logFile, 'w');
  const t0 = Date.now();
  // Run in the state folder: Spark Connect writes its artifact folders (`artifacts/spark-<id>`) to its
  // working directory, which would otherwise be the caller's (the repository).
  const child = spawn(java, args, { cwd: stateDir, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  while (Date.now() - t0 < timeoutSec * 1000) {
    if (!alive(child.pid)) fail(`the server exited while starting. Log tail (${logFile}):\n${logTail()}`);
    if (await portAnswers()) {
      console.log(`spark: Spark Connect ${sparkVersion()} up at sc://127.0.0.1:${port} in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${child.pid}, log ${logFile})`);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopPid(child.pid);
  fail(`the server did not answer on port ${port} within ${timeoutSec} s. Log tail (${logFile}):\n${logTail()}`);
}

function sparkVersion() {
  const jar = existsSync(jarsDir) ? readdirSync(jarsDir).find((f) => f.startsWith('spark-connect_')) : undefined;
  return /_[\d.]+-([\d.]+)\.jar$/.exec(jar ?? '')?.[1] ?? '';
}

function stopPid(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 20_000;
  while (alive(pid) && Date.now() < deadline) spawnSync('sleep', ['0.2']);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function stop() {
  const pid = readPid();
  if (!pid || !alive(pid)) {
    console.log('spark: not running (no live pid recorded)');
    rmSync(pidFile, { force: true });
    return;
  }
  stopPid(pid);
  rmSync(pidFile, { force: true });
  console.log(`spark: stopped (pid ${pid})`);
}

async function status() {
  const pid = readPid();
  const up = pid !== undefined && alive(pid);
  const answers = await portAnswers();
  console.log(up
    ? `spark: running (pid ${pid}) at sc://127.0.0.1:${port}, port ${answers ? 'answers' : 'does not answer yet'}; log ${logFile}`
    : `spark: not running${answers ? ` (port ${port} answers, but not a server this script started)` : ''}`);
  if (!up) process.exitCode = 3;
}

const command = process.argv[2];
const commands = { install: async () => install(), start, stop: async () => stop(), status };
if (!commands[command]) fail(`usage: spark-server.mjs ${Object.keys(commands).join('|')}`);
await commands[command]();
