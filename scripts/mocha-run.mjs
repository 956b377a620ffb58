// Runs mocha (tdd, spec reporter) in a child process, shows its output as it comes, and returns the
// counts from its closing summary. An exit without a summary (a crash while loading) counts as a failure.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const mochaBin = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

export function runMocha(specs, { env = {}, timeoutMs = 30_000 } = {}) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [mochaBin, '--ui', 'tdd', '--reporter', 'spec', '--no-color',
      '--timeout', String(timeoutMs), ...specs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', data => { output += data; process.stdout.write(data); });
    child.stderr.on('data', data => { output += data; process.stderr.write(data); });
    child.on('close', code => {
      const count = word => Number(output.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
      const counts = { passed: count('passing'), failed: count('failing'), skipped: count('pending') };
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ ...counts, exitCode: code, output });
    });
  });
}
