/** `npm run xliff -- export SLUG --lang LANG --format 2.1|1.2 --out FILE` | `import FILE`: see `./run.ts`. */
import { runXliff } from './run';

const io = { cwd: process.cwd(), stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
try {
  process.exitCode = await runXliff(process.argv.slice(2), io);
} catch (error) {
  // Problems of the input are messages; reaching this means the command itself could not run.
  io.stderr(`xliff: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
