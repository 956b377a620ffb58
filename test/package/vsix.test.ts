// The packaged extension (`npm run package` -> news-annotator.vsix) holds what VS Code loads and
// the documents the Marketplace shows, and nothing else. Reads the real .vsix, not vsce's plan.
import * as assert from 'assert';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import * as yauzl from 'yauzl';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const vsixPath = path.resolve(process.env.NEWS_VSIX ?? path.join(repoRoot, 'news-annotator.vsix'));

/** Every entry of the zip with its uncompressed content. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', chunk => chunks.push(chunk));
          stream.on('end', () => { entries.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
        });
      });
      zip.readEntry();
    });
  });
}

/** Modules a bundle loads with require(); esbuild leaves only its externals as require calls. */
function requiredModules(bundle: string): Set<string> {
  return new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(match => match[1]));
}

suite('Packaged .vsix', () => {
  let entries: Map<string, Buffer>;
  let manifest: Record<string, any>;
  const inExtension = (relative: string) => `extension/${relative.replace(/^\.\//, '')}`;

  suiteSetup(async () => {
    assert.ok(fs.existsSync(vsixPath), `${vsixPath} not found: run \`npm run package\` first`);
    entries = await readZip(vsixPath);
    manifest = JSON.parse(entries.get('extension/package.json')?.toString('utf8') ?? '{}');
    const sizeKiB = (fs.statSync(vsixPath).size / 1024).toFixed(1);
    console.log(`    ${path.basename(vsixPath)}: ${sizeKiB} KiB, ${entries.size} files`);
    for (const [name, content] of entries) console.log(`      ${name} (${(content.length / 1024).toFixed(1)} KiB)`);
  });

  test('holds the manifest, both bundles, the grammar, the language configuration and the documents', () => {
    const names = [...entries.keys()];
    for (const required of ['extension/package.json', 'extension/dist/node/extension.js', 'extension/dist/web/extension.js',
      'extension/language-configuration.json', 'extension.vsixmanifest']) {
      assert.ok(entries.has(required), `missing ${required}`);
    }
    assert.ok(names.some(name => /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/.test(name)), 'no TextMate grammar');
    for (const document of [/^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/license(\.txt|\.md)?$/i]) {
      assert.ok(names.some(name => document.test(name)), `no file matching ${document}`);
    }
  });

  test('holds no sources, tests, source maps, node_modules, samples, scripts or CLI bundle', () => {
    const forbidden = [/\.ts$/, /\.map$/, /(^|\/)node_modules\//, /^extension\/(src|test|out|samples|scripts|\.vscode[^/]*|\.ci)\//,
      /^extension\/dist\/cli\//, /^extension\/tsconfig[^/]*\.json$/, /\.vsix$/];
    const offending = [...entries.keys()].filter(name => forbidden.some(pattern => pattern.test(name)));
    assert.deepStrictEqual(offending, []);
  });

  test('every file the manifest points to is in the package', () => {
    const contributes = manifest.contributes ?? {};
    const iconPaths = (icon: unknown): string[] =>
      typeof icon === 'string' ? [icon] : icon && typeof icon === 'object' ? Object.values(icon as Record<string, string>) : [];
    const referenced: string[] = [
      manifest.main, manifest.browser, manifest.icon,
      ...(contributes.languages ?? []).flatMap((l: any) => [l.configuration, ...iconPaths(l.icon)]),
      ...(contributes.grammars ?? []).map((g: any) => g.path),
      ...Object.values<any[]>(contributes.viewsContainers ?? {}).flat().flatMap(c => iconPaths(c.icon)),
      ...(contributes.commands ?? []).flatMap((c: any) => iconPaths(c.icon).filter(p => !p.startsWith('$('))),
    ].filter(Boolean);
    // `main` and `browser` may leave out the .js extension, as require() does
    const missing = referenced.filter(relative => !entries.has(inExtension(relative)) && !entries.has(inExtension(`${relative}.js`)));
    assert.deepStrictEqual(missing, [], `the manifest names files that are not packaged`);
  });

  test('the bundles load nothing that the package does not carry', () => {
    const nodeBuiltins = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));
    const nodeBundle = requiredModules(entries.get(inExtension(manifest.main))!.toString('utf8'));
    const webBundle = requiredModules(entries.get(inExtension(manifest.browser))!.toString('utf8'));
    assert.deepStrictEqual([...nodeBundle].filter(name => name !== 'vscode' && !nodeBuiltins.has(name)), [], 'Node bundle');
    assert.deepStrictEqual([...webBundle].filter(name => name !== 'vscode'), [], 'browser bundle');
  });

  test('the packaged manifest is the one in the repository', () => {
    const source = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.strictEqual(`${manifest.publisher}.${manifest.name}@${manifest.version}`, `${source.publisher}.${source.name}@${source.version}`);
    assert.deepStrictEqual(manifest.contributes, source.contributes);
  });
});
