// The manifest and the code agree: every contributed command has a handler and every handler is
// contributed, and what a user needs to reach the extension (activation events, the "News" category,
// described settings) is declared. Command ids are read from the source with the TypeScript parser.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes ?? {};
const commandPrefix = 'newsAnnotator.';

function sourceFiles(dir: string): ts.SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return [];
    return [ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)];
  });
}

interface Registrations { ids: Set<string>; unresolved: string[] }

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The named function whose parameter `name` is, with the parameter's position, if any. */
function forwardingParameter(node: ts.Node, name: string): { functionName: string; index: number } | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    const index = scope.parameters.findIndex(p => ts.isIdentifier(p.name) && p.name.text === name);
    if (index < 0) continue;
    const named = ts.isFunctionDeclaration(scope) || ts.isMethodDeclaration(scope) ? scope.name
      : ts.isVariableDeclaration(scope.parent) ? scope.parent.name : undefined;
    return named && ts.isIdentifier(named) ? { functionName: named.text, index } : undefined;
  }
  return undefined;
}

/**
 * The ids passed to vscode.commands.registerCommand / registerTextEditorCommand, directly or through
 * a helper that forwards its parameter (`command('newsAnnotator.x', handler)`): a string literal, a
 * constant (`const openCommand = '...'`) or a property of an object of ids (`commandIds.open`).
 */
function registeredCommands(files: ts.SourceFile[]): Registrations {
  const constants = new Map<string, Set<string>>();
  const remember = (name: string, value: string) => {
    if (!constants.has(name)) constants.set(name, new Set());
    constants.get(name)!.add(value);
  };
  const calls: { call: ts.CallExpression; file: string; where: string }[] = [];
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteralLike(node.initializer)) {
        remember(node.name.text, node.initializer.text);
      } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && ts.isStringLiteralLike(node.initializer)) {
        remember(node.name.text, node.initializer.text);
      } else if (ts.isCallExpression(node)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        calls.push({ call: node, file: file.fileName, where: `${path.relative(repoRoot, file.fileName)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // functions that register their argument at this position as a command id: VS Code's, and
  // helpers in the same file that pass a parameter on to one of them
  const vscodeRegistrars = new Map([['registerCommand', 0], ['registerTextEditorCommand', 0]]);
  const localRegistrars = new Map<string, number>(); // `${file}#${name}`
  const registrarIndex = (call: ts.CallExpression, file: string) => {
    const name = calleeName(call) ?? '';
    return vscodeRegistrars.get(name) ?? localRegistrars.get(`${file}#${name}`);
  };
  const forwarding = new Set<ts.CallExpression>();
  for (let grew = true; grew;) {
    grew = false;
    for (const { call, file } of calls) {
      const index = registrarIndex(call, file);
      const arg = index === undefined ? undefined : call.arguments[index];
      if (!arg || !ts.isIdentifier(arg) || forwarding.has(call)) continue;
      const forwarded = forwardingParameter(call, arg.text);
      if (!forwarded) continue;
      forwarding.add(call);
      localRegistrars.set(`${file}#${forwarded.functionName}`, forwarded.index);
      grew = true;
    }
  }
  const ids = new Set<string>();
  const unresolved: string[] = [];
  for (const { call, file, where } of calls) {
    const index = registrarIndex(call, file);
    const arg = index === undefined ? undefined : call.arguments[index];
    if (!arg || forwarding.has(call)) continue;
    let values: Set<string> | undefined;
    if (ts.isStringLiteralLike(arg)) values = new Set([arg.text]);
    else if (ts.isIdentifier(arg)) values = constants.get(arg.text);
    else if (ts.isPropertyAccessExpression(arg)) values = constants.get(arg.name.text);
    const commandIds = [...values ?? []].filter(value => value.startsWith(commandPrefix));
    if (commandIds.length === 0) unresolved.push(`${where}: ${arg.getText()}`);
    commandIds.forEach(id => ids.add(id));
  }
  return { ids, unresolved };
}

suite('Manifest', () => {
  const commands: { command: string; title: string; category?: string }[] = contributes.commands ?? [];
  const contributedIds = new Set(commands.map(c => c.command));
  const activationEvents: string[] = manifest.activationEvents ?? [];
  // The extension's commands are registered by the adapters; the pure core and the command line have none.
  const extensionSources = sourceFiles(path.join(repoRoot, 'src'))
    .filter(file => !/[\\/]src[\\/](core|cli)[\\/]/.test(file.fileName));
  const registrations = registeredCommands(extensionSources);

  test('every contributed command has a handler registered in src/', () => {
    const missing = [...contributedIds].filter(id => !registrations.ids.has(id));
    assert.ok(missing.length === 0, `contributed without a registerCommand handler: ${missing.join(', ')}` +
      (registrations.unresolved.length ? `\n(ids not read from: ${registrations.unresolved.join('; ')})` : ''));
  });

  test('every command registered in src/ is contributed (internal ones hidden with commandPalette "when": "false")', () => {
    assert.ok(registrations.unresolved.length === 0, `ids not read from ${registrations.unresolved.join('; ')}: ` +
      'pass registerCommand a string literal or a named string constant so that the id can be checked');
    const notContributed = [...registrations.ids].filter(id => !contributedIds.has(id));
    assert.ok(notContributed.length === 0, `registered but missing from contributes.commands: ${notContributed.join(', ')}`);
  });

  test('commands are in the "News" category and have titles', () => {
    for (const command of commands) {
      assert.strictEqual(command.category, 'News', `${command.command} has category ${command.category}`);
      assert.ok(command.title?.trim(), `${command.command} has no title`);
    }
  });

  test('menus only name contributed commands', () => {
    for (const [menu, items] of Object.entries<{ command?: string }[]>(contributes.menus ?? {})) {
      for (const item of items) {
        if (item.command) assert.ok(contributedIds.has(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
      }
    }
  });

  test('the extension activates for its language, its commands and its views', () => {
    const languages: { id: string }[] = contributes.languages ?? [];
    assert.ok(languages.some(language => language.id === 'news-article'), 'the news-article language is not contributed');
    const expected = [
      ...languages.map(language => `onLanguage:${language.id}`),
      ...commands.map(command => `onCommand:${command.command}`),
      ...Object.values<{ id: string }[]>(contributes.views ?? {}).flat().map(view => `onView:${view.id}`),
    ];
    const missing = expected.filter(event => !activationEvents.includes(event));
    assert.ok(missing.length === 0, `activationEvents lacks ${missing.join(', ')}`);
    assert.ok(!activationEvents.includes('*'), 'activating on "*" slows every VS Code start');
  });

  test('the language is shown as "News Article"', () => {
    const language = (contributes.languages ?? []).find((l: { id: string }) => l.id === 'news-article');
    assert.strictEqual(language?.aliases?.[0], 'News Article');
  });

  test('settings are under newsAnnotator.* and each has a description, a type and a default', () => {
    const configurations = [contributes.configuration ?? []].flat();
    const properties = Object.entries<Record<string, unknown>>(Object.assign({}, ...configurations.map(c => c.properties ?? {})));
    assert.ok(properties.length > 0, 'no settings contributed');
    for (const [key, setting] of properties) {
      assert.ok(key.startsWith(commandPrefix), `setting ${key} is not under ${commandPrefix}`);
      assert.ok(String(setting.markdownDescription ?? setting.description ?? '').trim(), `setting ${key} has no description`);
      assert.ok(setting.type, `setting ${key} has no type`);
      assert.ok('default' in setting, `setting ${key} has no default`);
    }
  });
});
