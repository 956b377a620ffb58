// `npm start`: a real VS Code in the browser (code-server on 127.0.0.1) with the freshly packaged
// extension installed and a folder of sample articles open. Installs the runtime on first use.
// The folder is a copy of samples/ under .vscode-runtime/ (your edits there survive restarts; samples/
// itself is never touched). Port: NEWS_PORT or PORT, else a free one. Stops on Ctrl+C.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  repoRoot, runtimeDir, ensureRuntime, installVsix, startCodeServer, freePort, workbenchUrl, writeUserSettings,
} from './runtime/code-server.mjs';
import { copySamplesInto } from './runtime/workspace.mjs';

const started = Date.now();
const runtime = ensureRuntime();

console.log('start: building and packaging the extension');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packaged = spawnSync(npm, ['run', '-s', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) {
  console.error('start: `npm run package` failed');
  process.exit(1);
}

const stateDir = path.join(runtimeDir, 'state', 'start');
if (!fs.existsSync(path.join(stateDir, 'user-data', 'User', 'settings.json'))) writeUserSettings(stateDir, { 'editor.wordWrap': 'on' });
console.log(`start: ${installVsix(runtime, stateDir, path.join(repoRoot, 'news-annotator.vsix'))}`);
const folder = copySamplesInto(path.join(runtimeDir, 'sample-articles'));

const port = Number(process.env.NEWS_PORT || process.env.PORT) || await freePort();
const server = await startCodeServer(runtime, { stateDir, port });
console.log(`start: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; sample articles: ${folder}`);
console.log(`\n  VS Code with News Annotator: ${workbenchUrl(server, folder)}\n`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', code => {
  if (!stopping) { console.error(`start: code-server stopped (${code})`); process.exit(1); }
});
