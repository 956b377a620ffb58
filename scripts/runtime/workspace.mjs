// Scratch workspaces for tests and `npm start`: copies of the articles, never the originals, so
// nothing a test or a user does in VS Code can change samples/ or the shared seeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './code-server.mjs';

export const samplesDir = path.join(repoRoot, 'samples');
/** Publishers' articles, read from beside the repository and never copied into it. */
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const seedName = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** Copies the files of `from` into `to`; with `keepExisting`, files already in `to` are left as they are. */
function copyFiles(from, to, { filter = () => true, keepExisting = false } = {}) {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true });
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile() || !filter(entry.name)) continue;
    const target = path.join(to, entry.name);
    if (keepExisting && fs.existsSync(target)) continue;
    fs.copyFileSync(path.join(from, entry.name), target);
    copied++;
  }
  return copied;
}

/**
 * A new folder outside the repository holding `samples/` (the project's invented articles), the
 * files of `extraDir` at its top, and, with `withSeeds` and where ../shared/seeds exists, `seeds/`
 * (the seed articles). Returns the folder and how many articles of each kind it holds.
 */
export function makeTestWorkspace(prefix, { withSeeds = true, extraDir } = {}) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `news-annotator-${prefix}-`));
  const samples = copyFiles(samplesDir, path.join(folder, 'samples'));
  const seeds = withSeeds ? copyFiles(seedsDir, path.join(folder, 'seeds'), { filter: name => seedName.test(name) }) : 0;
  const extra = extraDir ? copyFiles(extraDir, folder) : 0;
  return { folder, samples, seeds, extra };
}

/** Copies samples/ into `folder` (`npm start`, the debugger), keeping files already there and the user's edits to them. */
export function copySamplesInto(folder) {
  copyFiles(samplesDir, folder, { keepExisting: true });
  return folder;
}

export function removeFolder(folder) {
  fs.rmSync(folder, { recursive: true, force: true });
}
