/**
 * `news-annotator --export jsonld|csv|brat [--out PATH] <files or folders>`: the exports of the
 * editor's "News: Export Annotations", from the command line. Each article's annotations come from
 * the `news-annotations.jsonld` beside it, re-anchored against the article as it is now, and hand
 * corrections are applied to the analysis before exporting.
 * - jsonld: one W3C AnnotationCollection of every annotation (sources relative to where it is written);
 * - csv: one row per quotation;
 * - brat: one `.ann` per article, written under `--out DIR` (required).
 * An annotation file that cannot be read is reported on stderr (exit code 1) and left untouched.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ArticleForExport, SIDECAR_FILE_NAME, SidecarData, applyCorrections, exportBrat, exportCsv, exportJsonLd, parseSidecar,
  reanchorAnnotations,
} from '../core/annotations';
import type { ArticleAnalysis } from '../core/types';

export const EXPORT_FORMATS = ['jsonld', 'csv', 'brat'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

export interface ExportableDocument {
  readonly file: string;
  readonly text: string;
  readonly analysis: Pick<ArticleAnalysis, 'headline' | 'quotes' | 'speakers'>;
}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Writes the export; returns the exit code (0, or 1 when an annotation file or output could not be handled). */
export function exportAnnotations(documents: readonly ExportableDocument[], format: ExportFormat, out: string | undefined, output: Output): number {
  if (format === 'brat' && !out) {
    output.err('news-annotator: --export brat writes one .ann file per article; say where with --out DIR\n');
    return 2;
  }
  let failed = false;
  const sidecars = new Map<string, SidecarData>();
  const sidecarOf = (folder: string): SidecarData => {
    let data = sidecars.get(folder);
    if (!data) {
      const read = readSidecar(folder, output);
      failed ||= read === 'unreadable';
      data = read === 'unreadable' ? { annotations: [], speakerOperations: [] } : read;
      sidecars.set(folder, data);
    }
    return data;
  };

  const articles: ArticleForExport[] = [];
  const anchored = new Map<string, SidecarData>();
  for (const document of documents) {
    const folder = path.dirname(path.resolve(document.file));
    const data = sidecarOf(folder);
    const source = path.basename(document.file);
    const own = reanchorAnnotations(data.annotations.filter(a => a.target.source === source), document.text).annotations;
    const previous = anchored.get(folder);
    anchored.set(folder, { annotations: [...(previous?.annotations ?? []), ...own], speakerOperations: data.speakerOperations });
    const analysis = applyCorrections(document.analysis, own, document.text, data.speakerOperations);
    articles.push({ file: document.file.replace(/\\/g, '/'), text: document.text, analysis, annotations: own });
  }

  try {
    if (format === 'csv') write(out, exportCsv(articles), output);
    if (format === 'jsonld') {
      const base = out ? path.dirname(path.resolve(out)) : process.cwd();
      write(out, exportJsonLd([...anchored].map(([folder, data]) => ({ folder: path.relative(base, folder).split(path.sep).join('/'), data }))), output);
    }
    if (format === 'brat') writeBrat(articles, out!, output);
  } catch (error) {
    output.err(`news-annotator: cannot write the export: ${(error as Error).message}\n`);
    return 1;
  }
  return failed ? 1 : 0;
}

/** The folder's annotations (none when it has no annotation file), or 'unreadable' after saying why. */
function readSidecar(folder: string, output: Output): SidecarData | 'unreadable' {
  const file = path.join(folder, SIDECAR_FILE_NAME);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { annotations: [], speakerOperations: [] };
    const why = (error as NodeJS.ErrnoException).code ?? 'it is not UTF-8 text';
    output.err(`news-annotator: ${file}: cannot read it (${why}); its annotations are left out\n`);
    return 'unreadable';
  }
  const parsed = parseSidecar(text);
  if (!parsed.ok) {
    output.err(`news-annotator: ${file}: ${parsed.message}; its annotations are left out\n`);
    return 'unreadable';
  }
  for (const warning of parsed.warnings) output.err(`news-annotator: ${file}: ${warning}\n`);
  return parsed.data;
}

function write(out: string | undefined, text: string, output: Output): void {
  if (out) fs.writeFileSync(out, text);
  else output.out(text);
}

/** One `.ann` per article under `dir`, at the article's path relative to the working folder (or its name, outside it). */
function writeBrat(articles: readonly ArticleForExport[], dir: string, output: Output): void {
  const written = new Set<string>();
  for (const article of articles) {
    const relative = path.relative(process.cwd(), path.resolve(article.file));
    const inside = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.basename(article.file);
    const target = path.join(dir, inside.replace(/\.txt$/i, '') + '.ann');
    if (written.has(target)) throw new Error(`two articles would both be written to ${target}`);
    written.add(target);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, exportBrat(article));
  }
  output.err(`news-annotator: wrote ${written.size} .ann file${written.size === 1 ? '' : 's'} under ${dir}\n`);
}
