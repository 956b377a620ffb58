// `npm test`: every check and every test tier, in order, each reported with its counts:
//   build        type-check, compile the tests, bundle + package the .vsix, install the runtime
//   unit         mocha in plain Node (out/test/unit)
//   package      the packaged .vsix (out/test/package)
//   integration  mocha inside a real VS Code extension host (scripts/run-integration.mjs)
//   ui           the packaged extension in the real workbench (scripts/run-ui.mjs)
//   web          the browser bundle in VS Code's web worker extension host (scripts/run-web.mjs)
// A later tier still runs when an earlier one fails, so one broken file does not hide the rest.
// `npm test -- unit package` runs only the named tiers (and the build steps they need).
// Installs nothing but the VS Code runtime, on first use (scripts/runtime/setup.sh).
// Ends with the plain line `N passed, N failed, N skipped`; exits non-zero on any failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './runtime/code-server.mjs';
import { runMocha } from './mocha-run.mjs';

const allTiers = ['unit', 'package', 'integration', 'ui', 'web'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : allTiers;
for (const tier of chosen) if (!allTiers.includes(tier)) { console.error(`unknown tier ${tier}; tiers: ${allTiers.join(', ')}`); process.exit(2); }
const wants = tier => chosen.includes(tier);
const needsVsCode = wants('integration') || wants('ui') || wants('web');

/** Runs a command with its output shown; resolves to its exit code and output. */
function run(command, args) {
  return new Promise(resolve => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', data => { output += data; process.stdout.write(data); });
    child.stderr.on('data', data => { output += data; process.stderr.write(data); });
    child.on('close', code => resolve({ code, output }));
  });
}

/** The counts a runner script prints last as `<tier>: N passed, N failed, N skipped`. */
function countsFrom(tier, { code, output }) {
  const lines = [...output.matchAll(new RegExp(`^${tier}: (\\d+) passed, (\\d+) failed, (\\d+) skipped$`, 'gm'))];
  const last = lines.at(-1);
  const counts = last ? { passed: +last[1], failed: +last[2], skipped: +last[3] } : { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { ...counts, output };
}

/** Figures the tiers print on the way (package size, activation times), repeated in the summary. */
const figurePattern = /^\s*((web )?activation: .*|news-annotator\.vsix: .*)$/gm;

/** Compiled tests whose source is gone would still run: remove them before compiling. */
function removeStaleCompiledTests() {
  const outTests = path.join(repoRoot, 'out', 'test');
  if (!fs.existsSync(outTests)) return;
  for (const entry of fs.readdirSync(outTests, { recursive: true })) {
    const compiled = path.join(outTests, entry);
    if (!compiled.endsWith('.js')) continue;
    const source = path.join(repoRoot, 'test', entry.replace(/\.js$/, '.ts'));
    if (!fs.existsSync(source)) for (const file of [compiled, `${compiled}.map`]) fs.rmSync(file, { force: true });
  }
}

const results = [];
const buildChecks = { name: 'build', passed: 0, failed: 0, skipped: 0, seconds: 0, notes: [] };
results.push(buildChecks);

function heading(text) { console.log(`\n=== ${text}`); }

async function step(name, command, args) {
  heading(`build: ${name}`);
  const started = Date.now();
  const { code } = await run(command, args);
  const seconds = (Date.now() - started) / 1000;
  buildChecks.seconds += seconds;
  console.log(`--- ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s`);
  if (code === 0) buildChecks.passed++;
  else { buildChecks.failed++; buildChecks.notes.push(`${name} failed`); }
}

async function tier(name, runTier) {
  heading(name);
  const started = Date.now();
  const { output = '', ...counts } = await runTier();
  results.push({ name, ...counts, figures: [...output.matchAll(figurePattern)].map(match => match[1]), seconds: (Date.now() - started) / 1000 });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
await step('check-types', npm, ['run', '-s', 'check-types']);
removeStaleCompiledTests();
await step('compile-tests', npm, ['run', '-s', 'compile-tests']);
if (wants('unit')) await tier('unit', () => runMocha([path.join(repoRoot, 'out/test/unit/**/*.test.js')]));
if (wants('package') || needsVsCode) {
  fs.rmSync(path.join(repoRoot, 'news-annotator.vsix'), { force: true }); // never test an older package
  await step('package (bundles + .vsix)', npm, ['run', '-s', 'package']);
}
if (wants('package')) await tier('package', () => runMocha([path.join(repoRoot, 'out/test/package/**/*.test.js')]));
if (needsVsCode) await step('VS Code runtime (installs on first use)', 'bash', ['scripts/runtime/setup.sh']);
if (wants('integration')) await tier('integration', async () => countsFrom('integration', await run(process.execPath, ['scripts/run-integration.mjs'])));
if (wants('ui')) await tier('ui', async () => countsFrom('ui', await run(process.execPath, ['scripts/run-ui.mjs'])));
if (wants('web')) await tier('web', async () => countsFrom('web', await run(process.execPath, ['scripts/run-web.mjs'])));

heading('summary');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const result of results) {
  for (const key of Object.keys(total)) total[key] += result[key];
  const notes = result.notes?.length ? `  (${result.notes.join('; ')})` : '';
  console.log(`${result.name.padEnd(12)} ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped  [${result.seconds.toFixed(1)} s]${notes}`);
}
for (const figure of results.flatMap(result => result.figures ?? [])) console.log(figure);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
