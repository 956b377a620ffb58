// The mocha runner that VS Code's extension host loads (extensionTestsPath), under
// @vscode/test-electron and under code-server alike. It runs every *.test.js beside it, the
// activation test first because it must see the extension before anything has activated it.
// With NEWS_TEST_RESULTS set it writes { passed, failed, skipped, failures } there as JSON;
// NEWS_TEST_GREP runs only the tests whose full title matches it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

const firstFile = 'activation.test.js';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, grep: process.env.NEWS_TEST_GREP || undefined });
  const files = fs.readdirSync(__dirname)
    .filter(name => name.endsWith('.test.js'))
    .sort((a, b) => Number(b === firstFile) - Number(a === firstFile) || a.localeCompare(b));
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const failures: { test: string; error: string }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failed => {
      const stats = runner.stats ?? { passes: 0, failures: failed, pending: 0 };
      const summary = { passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures };
      const resultsFile = process.env.NEWS_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
      console.log(`extension host: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
      if (failed > 0) reject(new Error(`${failed} integration tests failed`));
      else resolve();
    });
    runner.on('fail', (test, error) => failures.push({ test: test.fullTitle(), error: String(error?.message ?? error) }));
  });
}
