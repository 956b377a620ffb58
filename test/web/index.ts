// The mocha runner for VS Code's browser (web worker) extension host, as on vscode.dev. Bundled with
// the suites beside it into one file by scripts/run-web.mjs (a worker cannot require() files).
// Prints `extension host: N passed, N failed, N skipped` for scripts/run-web.mjs to count.
import 'mocha/mocha';

export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000 });
  require('./activation.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failed => {
      const stats = runner.stats ?? { passes: 0, failures: failed, pending: 0 };
      console.log(`extension host: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
      if (failed > 0) reject(new Error(`${failed} web tests failed`));
      else resolve();
    });
  });
}
