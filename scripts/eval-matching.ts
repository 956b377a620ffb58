/**
 * `npm run eval:matching`: cross-source matching against BASIL (../shared/eval-data/basil): 67
 * events, each reported by three outlets. Prints recall on the dataset's quote pairs (by type and
 * confidence) and the share of found matches that link two articles of the same event.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WorkspaceIndex } from '../src/core/workspaceIndex';

interface End { file: string; start: number; end: number }
interface SilverPair { groupId: string; a: End; b: End; matchType: string; confidence: string }

const basil = path.resolve(__dirname, '..', '..', '..', 'shared', 'eval-data', 'basil');
const readJsonl = <T>(file: string): T[] =>
  fs.readFileSync(path.join(basil, file), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as T);

function main(): void {
  if (!fs.existsSync(path.join(basil, 'quote_matches.jsonl'))) {
    console.log(`Skipped: BASIL is not in ${basil}.`);
    return;
  }
  const groups = readJsonl<{ groupId: string; files: string[] }>('groups.jsonl');
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const file of group.files) groupOf.set(file, group.groupId);
  const index = new WorkspaceIndex();
  for (const file of groupOf.keys()) index.upsert(file, fs.readFileSync(path.join(basil, file), 'utf8'));
  const started = performance.now();
  const matches = index.allMatches()!;
  const elapsed = performance.now() - started;

  const overlaps = (x: End, y: { uri: string; start: number; end: number }) => x.file === y.uri && x.start < y.end && y.start < x.end;
  const silver = readJsonl<SilverPair>('quote_matches.jsonl').filter(p => groupOf.has(p.a.file) && groupOf.has(p.b.file));
  const found = (pair: SilverPair) =>
    matches.some(m => (overlaps(pair.a, m.a) && overlaps(pair.b, m.b)) || (overlaps(pair.a, m.b) && overlaps(pair.b, m.a)));
  const recall = (pairs: SilverPair[]) => {
    const hits = pairs.filter(found).length;
    return `${(hits / Math.max(1, pairs.length)).toFixed(3)} (${hits}/${pairs.length})`;
  };

  console.log(`BASIL: ${groupOf.size} articles in ${groups.length} events, ${silver.length} silver quote pairs; matching took ${elapsed.toFixed(0)} ms.`);
  console.log(`Recall, all pairs:        ${recall(silver)}`);
  for (const confidence of ['high', 'low']) console.log(`Recall, ${confidence} confidence:  ${recall(silver.filter(p => p.confidence === confidence))}`);
  for (const type of ['exact', 'contained', 'overlap']) console.log(`Recall, ${type.padEnd(9)}:      ${recall(silver.filter(p => p.matchType === type))}`);

  const across = matches.filter(m => !m.sameArticle);
  const sameEvent = across.filter(m => groupOf.get(m.a.uri) === groupOf.get(m.b.uri)).length;
  const byKind = (kind: string) => across.filter(m => m.kind === kind).length;
  console.log(`Matches found between articles: ${across.length} (exact ${byKind('exact')}, contained ${byKind('contained')}, edited ${byKind('edited')}); within an article (headline): ${matches.length - across.length}`);
  console.log(`Share of matches between articles of the same event: ${(sameEvent / Math.max(1, across.length)).toFixed(3)} (${sameEvent}/${across.length})`);
  if (process.argv.includes('--misses')) {
    for (const pair of silver.filter(p => !found(p))) console.log(`MISS ${pair.matchType}/${pair.confidence} ${pair.a.file}:${pair.a.start} ~ ${pair.b.file}:${pair.b.start}`);
    for (const m of across.filter(m => groupOf.get(m.a.uri) !== groupOf.get(m.b.uri))) {
      console.log(`OTHER-EVENT ${m.kind} ${m.score} ${m.a.uri}:${m.a.start}-${m.a.end} ~ ${m.b.uri}:${m.b.start}-${m.b.end}`);
    }
  }
}

main();
