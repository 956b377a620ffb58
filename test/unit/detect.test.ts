// Which files are news articles: by name (the manifest's language contribution, read with a glob
// library that implements the same syntax as VS Code's) and by content (src/core/detect.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import { minimatch } from 'minimatch';
import * as path from 'path';
import { detectNewsArticle } from '../../src/core/detect';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const samplesDir = path.join(repoRoot, 'samples');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'news-article');

/** Whether VS Code would give `fileName` the News Article language by name (extension or pattern). */
function claimedByName(fileName: string): boolean {
  const byExtension = (language.extensions as string[]).some(ext => fileName.toLowerCase().endsWith(ext.toLowerCase()));
  // Patterns without a slash are matched against the file name, case-insensitively, as VS Code does.
  const byPattern = (language.filenamePatterns as string[]).some(glob => minimatch(fileName, glob, { nocase: true, dot: true }));
  return byExtension || byPattern;
}

const articleTextFiles = (dir: string) => fs.existsSync(dir) ? fs.readdirSync(dir).filter(n => n.endsWith('.txt')).sort() : [];

suite('Which files are news articles', () => {
  suite('by name (package.json)', () => {
    test('seed-style names and *.news.txt are claimed', () => {
      for (const name of ['000_64fd95269d6224ce.txt', '123_0123456789abcdef.txt', '123_0123456789ABCDEF.TXT', 'port-strike.news.txt', 'a.b.NEWS.txt']) {
        assert.ok(claimedByName(name), name);
      }
    });

    test('other .txt files are not: the extension never takes over every .txt', () => {
      for (const name of ['notes.txt', 'README.txt', '12_0123456789abcdef.txt', '123_0123456789abcde.txt', '123_0123456789abcdeg.txt',
        '123-0123456789abcdef.txt', '123_0123456789abcdef.txt.bak', 'news.txt', 'x.news.text']) {
        assert.ok(!claimedByName(name), name);
      }
    });

    test('every sample article is named so that it opens in News Article mode', () => {
      const samples = articleTextFiles(samplesDir);
      assert.ok(samples.length >= 3, 'samples/ holds the invented articles');
      for (const name of samples) assert.ok(claimedByName(name), name);
    });
  });

  suite('by content (detectNewsArticle)', () => {
    test('the sample articles read as news', () => {
      for (const name of articleTextFiles(samplesDir)) {
        const evidence = detectNewsArticle(fs.readFileSync(path.join(samplesDir, name), 'utf8'));
        assert.ok(evidence.looksLikeNews, `${name}: ${JSON.stringify(evidence)}`);
        assert.ok(evidence.attributedQuotations >= 5, `${name}: ${JSON.stringify(evidence)}`);
      }
    });

    test('the seed articles read as news', function () {
      const seeds = articleTextFiles(seedsDir);
      if (seeds.length === 0) {
        console.log(`    (skipped: no seed articles at ${seedsDir})`);
        this.skip();
      }
      for (const name of seeds) {
        const evidence = detectNewsArticle(fs.readFileSync(path.join(seedsDir, name), 'utf8'));
        assert.ok(evidence.looksLikeNews, `${name}: ${JSON.stringify(evidence)}`);
      }
    });

    test('real news that quotes someone (../shared/eval-data polnear and basil) is recognised', function () {
      const folders = ['polnear', 'basil'].map(name => path.resolve(repoRoot, '..', 'shared', 'eval-data', name, 'articles')).filter(fs.existsSync);
      if (folders.length === 0) {
        console.log('    (skipped: no ../shared/eval-data/{polnear,basil}/articles)');
        this.skip();
      }
      this.timeout(20_000);
      let quoting = 0;
      let recognised = 0;
      for (const folder of folders) {
        for (const name of articleTextFiles(folder)) {
          const text = fs.readFileSync(path.join(folder, name), 'utf8');
          if (!/["“”]/.test(text)) continue; // an article that quotes nobody cannot be told by its quotations
          quoting++;
          if (detectNewsArticle(text).looksLikeNews) recognised++;
        }
      }
      console.log(`    recognised ${recognised} of ${quoting} articles with quotation marks (${(recognised / quoting).toFixed(3)})`);
      assert.ok(recognised / quoting >= 0.85, `${recognised} of ${quoting}`);
    });

    test('a short brief with a headline and one attributed quotation is news', () => {
      const brief = [
        'Ferry Service Resumes After Storm',
        '',
        'The harbour ferry ran again on Sunday morning after two days in port.',
        '',
        '"The crossing was rough but safe, and every sailing after noon is full," the ferry operator said.',
      ].join('\n');
      const evidence = detectNewsArticle(brief);
      assert.deepStrictEqual(evidence, { headline: true, attributedQuotations: 1, proseParagraphs: 2, looksLikeNews: true });
    });

    test('attributions before and after: X said, "..."; "...," said X; X added that "..."; according to X', () => {
      const text = [
        'Council Votes on Harbour Deal',
        'Councillor Rui Marsh said, "We owe the night shift a straight answer tonight."',
        '"The port cannot wait another week for a decision," said Port Authority Director Helen Okafor.',
        'Marsh added that "a fair deal now is cheaper than a long strike."',
        'According to the union, "nine out of ten members will vote yes on the new terms."',
      ].join('\n');
      assert.strictEqual(detectNewsArticle(text).attributedQuotations, 4);
    });

    test('quoted terms, titles and commands are not attributed speech', () => {
      const licence = [
        'Terms of Use',
        '',
        '"Licensed Material" means the text, images and other material to which these terms apply.',
        '',
        'The notice, written by the author, states that "Derivative Works" are covered as stated below.',
        '',
        'Any work described as "a modified version" in writing must keep this notice intact in every copy.',
      ].join('\n');
      const releaseNotes = [
        'Release Notes for 2.4',
        '',
        ' * "tool add -u" said nothing when a path was missing; it now reports the path that was skipped.',
        ' * The parser said "--all" was unknown when it came after "--"; this has been fixed in this release.',
        ' * "tool log --oneline" learned to show the branch name next to each commit in the history.',
      ].join('\n');
      for (const [name, text] of [['licence', licence], ['release notes', releaseNotes]]) {
        const evidence = detectNewsArticle(text);
        assert.strictEqual(evidence.looksLikeNews, false, `${name}: ${JSON.stringify(evidence)}`);
      }
    });

    test('prose without attributed quotations, lists, logs and empty files are not news', () => {
      const cases: Record<string, string> = {
        empty: '',
        blank: '\n\n  \n',
        'one line': 'Buy milk, eggs and "the good bread" on the way home, she said.',
        'shopping list': 'Shopping\n- milk\n- eggs\n- bread\n- "organic" apples',
        log: '2026-11-21 09:12:01 INFO server said "ready" on port 8080\n2026-11-21 09:12:04 WARN client told "retry later"\n2026-11-21 09:12:09 INFO said "done"',
        essay: 'On Harbours\n\nHarbours shape the towns around them. Every street leans towards the water, and every trade depends on the tide.\n\nThe old quays were built for sail. The new ones are built for cranes, and the town has changed with them.',
      };
      for (const [name, text] of Object.entries(cases)) {
        assert.strictEqual(detectNewsArticle(text).looksLikeNews, false, name);
      }
    });

    test('one attributed quotation in a long text without a headline is not enough', () => {
      const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of the report describes the harbour works in plain words and numbers.`);
      paragraphs.splice(5, 0, '"We will finish the north quay by spring," the engineer said.');
      const evidence = detectNewsArticle(`The harbour works were reviewed on Monday in detail by the board.\n${paragraphs.join('\n')}`);
      assert.strictEqual(evidence.attributedQuotations, 1);
      assert.strictEqual(evidence.looksLikeNews, false, JSON.stringify(evidence));
    });

    test('CRLF line endings and a BOM change nothing', () => {
      for (const name of articleTextFiles(samplesDir)) {
        const text = fs.readFileSync(path.join(samplesDir, name), 'utf8');
        assert.deepStrictEqual(detectNewsArticle(`\uFEFF${text.replace(/\n/g, '\r\n')}`), detectNewsArticle(text), name);
      }
    });

    test('a huge file is judged by its opening, quickly', () => {
      const article = fs.readFileSync(path.join(samplesDir, articleTextFiles(samplesDir)[0]), 'utf8');
      const huge = article + '\nfiller line without any quotation in it at all\n'.repeat(200_000);
      assert.ok(detectNewsArticle(huge).looksLikeNews);
    });
  });
});
