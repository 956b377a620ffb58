// Runs the integration tests (out/test/integration/*.test.js, compiled by `npm run compile-tests`)
// with mocha inside a real VS Code extension host, against the extension in this folder (dist/,
// built by `npm run build`). Two hosts run the same suites:
//   electron     desktop VS Code downloaded by @vscode/test-electron (needs its download servers);
//   code-server  VS Code's server + web workbench from .vscode-runtime/, in headless Chromium.
// NEWS_TEST_RUNTIME=electron|code-server picks one; by default the download is tried and
// code-server is used where it fails, or at once on Linux without a display (desktop VS Code needs one). The workspace is a scratch copy of samples/ (and of
// ../shared/seeds where present) outside the repository.
// Prints `integration: N passed, N failed, N skipped` and exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { format } from 'node:util';
import {
  repoRoot, runtimeDir, ensureRuntime, startCodeServer, freePort, launchChromium, workbenchUrl, writeUserSettings,
} from './runtime/code-server.mjs';
import { makeTestWorkspace, removeFolder } from './runtime/workspace.mjs';

const testsPath = path.join(repoRoot, 'out', 'test', 'integration');
const timeoutMs = Number(process.env.NEWS_TEST_TIMEOUT_MS || 20 * 60_000);
const downloadTimeoutMs = 120_000;

async function runInElectron(vscodeExecutablePath, folder, env) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath,
      launchArgs: [folder, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: env,
    });
    return 0;
  } catch (error) {
    console.error(String(error?.message ?? error));
    return 1;
  }
}

/** Desktop VS Code, or undefined where it cannot be downloaded (as on machines without its servers). */
async function downloadVSCode() {
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  let timer;
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ cachePath: path.join(repoRoot, '.vscode-test') }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('download timed out')), downloadTimeoutMs); }),
    ]);
  } catch (error) {
    console.log(`integration: desktop VS Code not available (${String(error?.message ?? error).split('\n')[0]})`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Workbench chatter that says nothing about the extension: connection steps, the closed network. */
const workbenchNoise = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AccountPolicyGate\]|\[AgentHost\]|Timed out waiting for authentication provider|getaddrinfo ENOTFOUND)/;

/** Shows what the workbench logs (the mocha report among it), without the noise and stack frames unless VERBOSE. */
function showWorkbenchLog(type, args) {
  const text = format(...args);
  if (process.env.VERBOSE) return console.log(text);
  if (workbenchNoise.test(text)) return;
  const kept = text.split('\n').filter(line => !/^\s+at /.test(line)).join('\n');
  (type === 'error' || type === 'warn' ? console.error : console.log)(kept);
}

/**
 * code-server's workbench honours the `payload` query that VS Code's own browser integration tests
 * use: it starts the extension host with our extension under development and loads the mocha
 * runner, then reports the outcome through window.codeAutomationExit.
 */
async function runInCodeServer(folder, env) {
  const runtime = ensureRuntime();
  const cleanups = []; // run last to first, whatever happened
  let timer;
  try {
    // a fresh profile for each run: no editors restored, nothing activated by a previous run, and
    // runs side by side do not share one
    fs.mkdirSync(path.join(runtimeDir, 'state'), { recursive: true });
    const stateDir = fs.mkdtempSync(path.join(runtimeDir, 'state', 'integration-'));
    cleanups.push(() => removeFolder(stateDir));
    writeUserSettings(stateDir);
    const port = Number(process.env.NEWS_TEST_PORT) || await freePort();
    const server = await startCodeServer(runtime, { stateDir, port, testDriver: true, env });
    cleanups.push(() => server.stop());
    const browser = await launchChromium(stateDir);
    cleanups.push(() => browser.close().catch(() => {}));

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exited = new Promise(resolve => {
      page.exposeFunction('codeAutomationLog', (type, args) => showWorkbenchLog(type, args));
      page.exposeFunction('codeAutomationExit', code => resolve(code));
      timer = setTimeout(() => { console.error(`integration: no result after ${timeoutMs / 1000} s`); resolve(124); }, timeoutMs);
    });
    const remote = p => `vscode-remote://${new URL(server.url).host}${p}`;
    await page.goto(workbenchUrl(server, folder, [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
    ]), { timeout: 120_000 });
    return await exited;
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

async function main() {
  for (const required of [path.join(testsPath, 'index.js'), path.join(repoRoot, 'dist', 'node', 'extension.js')]) {
    if (!fs.existsSync(required)) throw new Error(`${path.relative(repoRoot, required)} is missing: run \`npm run compile-tests && npm run build\` first`);
  }
  const choice = process.env.NEWS_TEST_RUNTIME || 'auto';
  if (!['auto', 'electron', 'code-server'].includes(choice)) throw new Error(`NEWS_TEST_RUNTIME must be electron or code-server, not ${choice}`);

  const workspace = makeTestWorkspace('integration');
  const resultsFile = path.join(os.tmpdir(), `news-annotator-results-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  const env = { NEWS_TEST_RESULTS: resultsFile, NEWS_TEST_WORKSPACE: workspace.folder, NEWS_TEST_GREP: process.env.NEWS_TEST_GREP ?? '' };
  console.log(`integration: workspace ${workspace.folder} (${workspace.samples} samples, ${workspace.seeds} seeds${workspace.seeds ? '' : ': ../shared/seeds not found'})`);

  let exitCode;
  try {
    const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    if (choice === 'auto' && headlessLinux) console.log('integration: no display, so no desktop VS Code');
    const vscodeExecutable = choice === 'code-server' || (choice === 'auto' && headlessLinux) ? undefined : await downloadVSCode();
    if (choice === 'electron' && !vscodeExecutable) throw new Error('NEWS_TEST_RUNTIME=electron but VS Code could not be downloaded');
    const started = Date.now();
    if (vscodeExecutable) {
      console.log(`integration: running in desktop VS Code (${vscodeExecutable})`);
      exitCode = await runInElectron(vscodeExecutable, workspace.folder, env);
    } else {
      console.log('integration: running in code-server (VS Code server + web workbench) with headless Chromium');
      exitCode = await runInCodeServer(workspace.folder, env);
    }
    console.log(`integration: extension host finished with exit code ${exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    removeFolder(workspace.folder);
  }

  const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  fs.rmSync(resultsFile, { force: true });
  if (!results) {
    console.log('integration: the test runner reported no results');
    console.log('integration: 0 passed, 1 failed, 0 skipped');
    return 1;
  }
  for (const { test, error } of results.failures) console.log(`  failed: ${test}: ${error}`);
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  return exitCode === 0 && results.failed === 0 ? 0 : 1;
}

main().then(code => process.exit(code), error => {
  console.error(`integration: ${error?.stack ?? error}`);
  console.log('integration: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
