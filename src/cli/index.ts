#!/usr/bin/env node
/** The `sparkless` command (package.json `bin`); see main.ts. */
import { runCli } from './main.js';

const result = runCli(process.argv.slice(2));
process.stdout.write(result.out);
process.stderr.write(result.err);
process.exitCode = result.code;
