/** Entry point of `npm run cli -- <commande>`: the real streams and environment, the default key-derivation cost. */
import { run } from './run';

void run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // Standard input may have been read (first line only): let go of it, or a pipe that stays
  // open would keep the process waiting.
  process.stdin.destroy();
});
