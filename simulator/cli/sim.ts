// `npm run --silent sim -- SCRIPT.json`: runs a simulation script and prints only JSON to stdout.
import { readFileSync } from 'node:fs';
import { runScript, ScriptError } from './script';

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: npm run --silent sim -- SCRIPT.json\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    process.stdout.write(JSON.stringify(runScript(text), null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ScriptError) {
      process.stderr.write(`sim: malformed script: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
