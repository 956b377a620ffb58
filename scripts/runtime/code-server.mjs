// The real VS Code that the integration and UI tests and `npm start` run: code-server (VS Code's
// server and web workbench) on its own Node 24, driven by Debian's Chromium through playwright-core.
// scripts/runtime/setup.sh installs both on first use into the git-ignored .vscode-runtime/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const runtimeDir = path.join(repoRoot, '.vscode-runtime');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const host = '127.0.0.1';

/** Installs the runtime when missing (minutes, once) and returns the paths to run it. */
export function ensureRuntime() {
  const started = Date.now();
  const setup = spawnSync('bash', [path.join(repoRoot, 'scripts', 'runtime', 'setup.sh'), runtimeDir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error(`runtime setup failed (exit ${setup.status}):\n${setup.stdout}`);
  const value = key => setup.stdout.match(new RegExp(`^${key}=(.*)$`, 'm'))?.[1];
  const runtime = { node24Bin: value('NODE24_BIN'), codeServer: value('CODE_SERVER') };
  if (!runtime.node24Bin || !runtime.codeServer) throw new Error(`runtime setup printed no paths:\n${setup.stdout}`);
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 2) console.log(`runtime: ready in ${seconds.toFixed(0)} s`);
  return runtime;
}

/** code-server keeps all of its state under `stateDir`, never in $HOME. */
function stateArgs(stateDir) {
  return ['--user-data-dir', path.join(stateDir, 'user-data'), '--extensions-dir', path.join(stateDir, 'extensions'),
    '--config', path.join(stateDir, 'config.yaml')];
}

function codeServerEnv(runtime, stateDir, extraEnv = {}) {
  return {
    ...process.env, ...extraEnv,
    // code-server's native modules are built for Node 24 and entry.js starts with `#!/usr/bin/env node`
    PATH: `${runtime.node24Bin}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
  };
}

/** Settings that keep the workbench quiet and predictable: no welcome page, chat, tips or trust prompts. */
export function writeUserSettings(stateDir, extra = {}) {
  const dir = path.join(stateDir, 'user-data', 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, ...extra,
  }, null, 2));
}

/** Installs a packaged .vsix the way a user does; returns code-server's confirmation line. */
export function installVsix(runtime, stateDir, vsix) {
  fs.mkdirSync(stateDir, { recursive: true });
  const result = spawnSync(runtime.codeServer, [...stateArgs(stateDir), '--force', '--install-extension', path.resolve(vsix)],
    { env: codeServerEnv(runtime, stateDir), encoding: 'utf8' });
  const line = /^.*successfully installed.*$/m.exec(result.stdout)?.[0];
  if (result.status !== 0 || !line) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return line.trim();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 without authentication and resolves once it listens.
 * `testDriver` lets the workbench honour the `payload` query (extensionDevelopmentPath and
 * extensionTestsPath); a built VS Code web client ignores it otherwise.
 */
export async function startCodeServer(runtime, { stateDir, port, testDriver = false, env = {}, log = () => {} }) {
  fs.mkdirSync(stateDir, { recursive: true });
  const args = ['--auth', 'none', '--bind-addr', `${host}:${port}`, ...stateArgs(stateDir),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])];
  const child = spawn(runtime.codeServer, args, { env: codeServerEnv(runtime, stateDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = data => {
      output += data;
      log(String(data));
      if (/HTTP server listening/.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => reject(new Error(`code-server exited (${code}) before listening:\n${output}`)));
  });
  const stop = () => new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  return { child, url: `http://${host}:${port}/`, stop };
}

/** The workbench URL that opens `folder` (an absolute path on the server). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function chromiumOptions(stateDir) {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  return {
    executablePath: chromiumPath, headless: true, args: chromiumArgs,
    // Debian's chromium writes ~/.config/chromium unless XDG_CONFIG_HOME points elsewhere
    env: { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'), XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache') },
  };
}

/** Headless Debian Chromium, driven by playwright-core (no browser download). */
export async function launchChromium(stateDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launch(chromiumOptions(stateDir));
}

/** The same browser as a server that a separate test process connects to (`chromium.connect`). */
export async function launchChromiumServer(stateDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchServer(chromiumOptions(stateDir));
}
