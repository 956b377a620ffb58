// The UI tier: installs the built .vsix into code-server the way a user installs it, opens a scratch
// workspace (samples/ plus test/ui/fixtures/) in headless Chromium, and runs the playwright-core
// suite in out/test/ui against that workbench. Screenshots go to .test-output/screenshots/.
// Prints `ui: N passed, N failed, N skipped` and exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import {
  repoRoot, runtimeDir, ensureRuntime, installVsix, startCodeServer, freePort, launchChromiumServer, workbenchUrl, writeUserSettings,
} from './runtime/code-server.mjs';
import { makeTestWorkspace, removeFolder } from './runtime/workspace.mjs';
import { runMocha } from './mocha-run.mjs';

const vsix = path.resolve(process.env.NEWS_VSIX || path.join(repoRoot, 'news-annotator.vsix'));
const suiteDir = path.join(repoRoot, 'out', 'test', 'ui');
const screenshotDir = path.join(repoRoot, '.test-output', 'screenshots');

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  if (!fs.existsSync(suiteDir)) throw new Error('out/test/ui is missing: run `npm run compile-tests` first');
  const runtime = ensureRuntime();
  const cleanups = []; // run last to first, whatever happened
  try {
    fs.mkdirSync(path.join(runtimeDir, 'state'), { recursive: true });
    const stateDir = fs.mkdtempSync(path.join(runtimeDir, 'state', 'ui-')); // a fresh profile for each run
    cleanups.push(() => removeFolder(stateDir));
    // Content detection would offer to switch the plain .txt fixture on its own; the suite switches it
    // with the command instead, so the offer stays out of the way.
    writeUserSettings(stateDir, { 'newsAnnotator.detectByContent': 'off', 'editor.wordWrap': 'on' });
    console.log(`ui: ${installVsix(runtime, stateDir, vsix)}`);

    const workspace = makeTestWorkspace('ui', { withSeeds: false, extraDir: path.join(repoRoot, 'test', 'ui', 'fixtures') });
    cleanups.push(() => removeFolder(workspace.folder));
    removeFolder(screenshotDir); // only this run's pictures
    fs.mkdirSync(screenshotDir, { recursive: true });
    const server = await startCodeServer(runtime, { stateDir, port: Number(process.env.NEWS_UI_PORT) || await freePort() });
    cleanups.push(() => server.stop());
    const browser = await launchChromiumServer(stateDir);
    cleanups.push(() => browser.close().catch(() => {}));

    const specs = fs.readdirSync(suiteDir).filter(name => name.endsWith('.test.js')).map(name => path.join(suiteDir, name));
    return await runMocha(specs, {
      timeoutMs: 120_000,
      env: { NEWS_UI_URL: workbenchUrl(server, workspace.folder), NEWS_UI_BROWSER: browser.wsEndpoint(), NEWS_UI_SCREENSHOTS: screenshotDir },
    });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().then(({ passed, failed, skipped }) => {
  console.log(`ui: screenshots in ${path.relative(process.cwd(), screenshotDir) || '.'}`);
  console.log(`ui: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}, error => {
  console.error(`ui: ${error?.stack ?? error}`);
  console.log('ui: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
