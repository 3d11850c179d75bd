#!/usr/bin/env node
// The `portalis` command. The implementation is compiled TypeScript in dist/.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
