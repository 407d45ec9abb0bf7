/**
 * Builds the extension the bench measures: the stand-in build (`npm run build:standin`, on
 * the port of .env.standin or TRACKLIGHT_STANDIN_PORT), from the working tree as it is, so
 * the figures are of this code. About 5 s.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export async function buildStandInExtension(): Promise<void> {
  const output: string[] = [];
  const child = spawn('npm', ['run', '--silent', 'build:standin'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`npm run build:standin failed (exit ${code}):\n${output.join('').slice(-4000)}`);
}
