/**
 * The sidecar as a W3C Web Annotation `AnnotationCollection` (JSON-LD), and back.
 *
 * Writing is deterministic so the file diffs cleanly in git: annotations sorted by source, start
 * and id; keys in a fixed order; two-space indentation; a trailing newline. Reading refuses, with a
 * message a user can act on, anything it cannot keep intact: bad JSON, an unexpected shape, or a
 * format version newer than this code. Properties it does not know are kept and written back.
 */
import {
  Annotation, AnnotationBody, FORMAT_VERSION, SidecarData, SpeakerOperation, compareAnnotations,
} from './model';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own vocabulary, for what the W3C model has no term for. */
const NEWS_NAMESPACE = 'https://news-annotator.github.io/ns/annotations#';

const NEWS_CONTEXT = {
  na: NEWS_NAMESPACE,
  version: 'na:formatVersion',
  orphaned: 'na:orphaned',
  speakerOperations: { '@id': 'na:speakerOperations', '@container': '@list' },
  op: 'na:operation',
  from: 'na:from',
  to: 'na:to',
  into: 'na:into',
  alias: 'na:alias',
};

const QUOTATION_CLASS = 'na:Quotation';
const NOT_QUOTATION_CLASS = 'na:NotQuotation';

export type SidecarParseResult =
  | { readonly ok: true; readonly data: SidecarData; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problem: 'corrupt' | 'newer'; readonly message: string };

/** The sidecar file's text for `data`. */
export function serializeSidecar(data: SidecarData): string {
  const annotations = [...data.annotations].sort(compareAnnotations);
  const collection: Record<string, unknown> = {
    '@context': [ANNO_CONTEXT, NEWS_CONTEXT],
    type: 'AnnotationCollection',
    label: 'News Annotator annotations',
    version: FORMAT_VERSION,
    total: annotations.length,
    speakerOperations: data.speakerOperations.map(speakerOperationToJson),
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map(annotationToJson),
    },
    ...sortedExtra(data.extra),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

function annotationToJson(annotation: Annotation): Record<string, unknown> {
  const { start, end } = annotation.target.position;
  const { exact, prefix, suffix } = annotation.target.quote;
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation: motivationOf(annotation.body),
    created: annotation.created,
    modified: annotation.modified,
    ...(annotation.creator ? { creator: { type: 'Person', name: annotation.creator } } : {}),
    body: bodyToJson(annotation.body),
    target: {
      source: annotation.target.source,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    ...(annotation.orphaned ? { orphaned: true } : {}),
    ...sortedExtra(annotation.extra),
  };
}

function motivationOf(body: AnnotationBody): string {
  switch (body.kind) {
    case 'speaker': return 'identifying';
    case 'quotation':
    case 'notQuotation': return 'classifying';
    case 'note': return 'commenting';
    case 'tag': return 'tagging';
  }
}

function bodyToJson(body: AnnotationBody): unknown {
  switch (body.kind) {
    case 'speaker': return speakerBody(body.speaker);
    case 'quotation': return body.speaker === undefined ? QUOTATION_CLASS : [QUOTATION_CLASS, speakerBody(body.speaker)];
    case 'notQuotation': return NOT_QUOTATION_CLASS;
    case 'note': return { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: body.text };
    case 'tag': return { type: 'TextualBody', purpose: 'tagging', value: body.tag };
  }
}

function speakerBody(speaker: string): Record<string, unknown> {
  return { type: 'TextualBody', purpose: 'identifying', value: speaker };
}

function speakerOperationToJson(operation: SpeakerOperation): Record<string, unknown> {
  switch (operation.op) {
    case 'rename': return { op: 'rename', from: operation.from, to: operation.to, created: operation.created };
    case 'merge': return { op: 'merge', from: operation.from, into: operation.into, created: operation.created };
    case 'split': return { op: 'split', from: operation.from, alias: operation.alias, created: operation.created };
  }
}

function sortedExtra(extra: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!extra) return {};
  return Object.fromEntries(Object.keys(extra).sort().map(key => [key, extra[key]]));
}

/** Thrown inside the parser; turned into a `corrupt` result that names what is wrong and where. */
class ShapeError extends Error {}

const KNOWN_COLLECTION_KEYS = new Set(['@context', 'type', 'label', 'version', 'total', 'speakerOperations', 'first']);
const KNOWN_ANNOTATION_KEYS = new Set(['id', 'type', 'motivation', 'created', 'modified', 'creator', 'body', 'target', 'orphaned']);

/**
 * Reads a sidecar's text (a BOM and CRLF line ends are fine). An empty file reads as no
 * annotations, with a warning; anything else it cannot read completely is refused.
 */
export function parseSidecar(text: string): SidecarParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: true, data: { annotations: [], speakerOperations: [] }, warnings: ['the annotation file is empty; it holds no annotations yet'] };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, problem: 'corrupt', message: `it is not valid JSON (${(error as Error).message}). Fix or remove it by hand; it is left untouched and annotations in this folder are read-only until then` };
  }
  if (!isObject(json) || json.type !== 'AnnotationCollection') {
    return { ok: false, problem: 'corrupt', message: 'it is not a W3C AnnotationCollection (no "type": "AnnotationCollection"). It is left untouched and annotations in this folder are read-only until it is fixed or removed' };
  }
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'corrupt', message: `it has no valid format "version" (found ${JSON.stringify(version)}). It is left untouched and annotations in this folder are read-only until it is fixed` };
  }
  if (version > FORMAT_VERSION) {
    return { ok: false, problem: 'newer', message: `it was written by a newer News Annotator (format version ${version}; this version reads up to ${FORMAT_VERSION}). Update the extension to edit these annotations; the file is left untouched` };
  }
  try {
    const data = readCollection(json);
    const warnings = typeof json.total === 'number' && json.total !== data.annotations.length
      ? [`the file says it holds ${json.total} annotations but lists ${data.annotations.length}; the listed ones are used`]
      : [];
    return { ok: true, data, warnings };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    return { ok: false, problem: 'corrupt', message: `${error.message}. The file is left untouched and annotations in this folder are read-only until it is fixed` };
  }
}

function readCollection(json: Record<string, unknown>): SidecarData {
  const first = json.first;
  let items: unknown = [];
  if (first !== undefined) {
    if (!isObject(first) || !Array.isArray(first.items)) throw new ShapeError('its "first" page has no "items" list');
    items = first.items;
  }
  const operations = json.speakerOperations ?? [];
  if (!Array.isArray(operations)) throw new ShapeError('"speakerOperations" is not a list');
  const annotations = (items as unknown[]).map((item, index) => readAnnotation(item, index));
  const ids = new Set<string>();
  for (const annotation of annotations) {
    if (ids.has(annotation.id)) throw new ShapeError(`two annotations share the id ${annotation.id}`);
    ids.add(annotation.id);
  }
  const extra = extraOf(json, KNOWN_COLLECTION_KEYS);
  return {
    annotations,
    speakerOperations: operations.map((operation, index) => readSpeakerOperation(operation, index)),
    ...(extra ? { extra } : {}),
  };
}

function readAnnotation(item: unknown, index: number): Annotation {
  const where = `annotation ${index + 1}`;
  if (!isObject(item)) throw new ShapeError(`${where} is not an object`);
  const id = requireString(item.id, `${where} has no "id"`);
  const at = `${where} (${id})`;
  if (item.type !== 'Annotation') throw new ShapeError(`${at} is not of type "Annotation"`);
  const created = requireString(item.created, `${at} has no "created" time`);
  const modified = typeof item.modified === 'string' ? item.modified : created;
  const creator = readCreator(item.creator, at);
  const body = readBody(item.motivation, item.body, at);
  const target = readTarget(item.target, at);
  if (item.orphaned !== undefined && typeof item.orphaned !== 'boolean') throw new ShapeError(`${at} has a non-boolean "orphaned"`);
  const extra = extraOf(item, KNOWN_ANNOTATION_KEYS);
  return {
    id, created, modified,
    ...(creator ? { creator } : {}),
    body, target,
    ...(item.orphaned ? { orphaned: true } : {}),
    ...(extra ? { extra } : {}),
  };
}

function readCreator(creator: unknown, at: string): string | undefined {
  if (creator === undefined) return undefined;
  if (typeof creator === 'string') return creator;
  if (isObject(creator) && typeof creator.name === 'string') return creator.name;
  throw new ShapeError(`${at} has a "creator" without a name`);
}

function readBody(motivation: unknown, body: unknown, at: string): AnnotationBody {
  const parts = Array.isArray(body) ? body : [body];
  const classes = parts.filter((part): part is string => typeof part === 'string');
  const textual = parts.filter(isObject);
  const valueFor = (purpose: string): string | undefined => {
    const found = textual.find(part => part.purpose === purpose || (part.purpose === undefined && textual.length === 1));
    return typeof found?.value === 'string' ? found.value : undefined;
  };
  switch (motivation) {
    case 'identifying': {
      const speaker = valueFor('identifying');
      if (speaker === undefined) throw new ShapeError(`${at} sets a speaker but its body has no speaker name`);
      return { kind: 'speaker', speaker };
    }
    case 'classifying': {
      if (classes.includes(QUOTATION_CLASS) || classes.includes(`${NEWS_NAMESPACE}Quotation`)) {
        const speaker = valueFor('identifying');
        return speaker === undefined ? { kind: 'quotation' } : { kind: 'quotation', speaker };
      }
      if (classes.includes(NOT_QUOTATION_CLASS) || classes.includes(`${NEWS_NAMESPACE}NotQuotation`)) return { kind: 'notQuotation' };
      throw new ShapeError(`${at} classifies its target as something other than na:Quotation or na:NotQuotation`);
    }
    case 'commenting': {
      const text = valueFor('commenting');
      if (text === undefined) throw new ShapeError(`${at} is a note without text`);
      return { kind: 'note', text };
    }
    case 'tagging': {
      const tag = valueFor('tagging');
      if (tag === undefined) throw new ShapeError(`${at} is a tag without a value`);
      return { kind: 'tag', tag };
    }
    default:
      throw new ShapeError(`${at} has motivation ${JSON.stringify(motivation)}, which News Annotator does not know`);
  }
}

function readTarget(target: unknown, at: string): Annotation['target'] {
  if (!isObject(target)) throw new ShapeError(`${at} has no "target"`);
  const source = requireString(target.source, `${at} has no target "source"`);
  const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  const quote = selectors.find(s => isObject(s) && s.type === 'TextQuoteSelector') as Record<string, unknown> | undefined;
  const position = selectors.find(s => isObject(s) && s.type === 'TextPositionSelector') as Record<string, unknown> | undefined;
  if (!quote || typeof quote.exact !== 'string') throw new ShapeError(`${at} has no TextQuoteSelector with an "exact" text`);
  const start = position?.start;
  const end = position?.end;
  if (!isOffset(start) || !isOffset(end) || end < start) throw new ShapeError(`${at} has no valid TextPositionSelector (start <= end)`);
  return {
    source: source.replace(/\\/g, '/'),
    quote: {
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    },
    position: { start, end },
  };
}

function readSpeakerOperation(operation: unknown, index: number): SpeakerOperation {
  const where = `speaker operation ${index + 1}`;
  if (!isObject(operation)) throw new ShapeError(`${where} is not an object`);
  const created = typeof operation.created === 'string' ? operation.created : '';
  const from = requireString(operation.from, `${where} has no "from" name`);
  switch (operation.op) {
    case 'rename': return { op: 'rename', from, to: requireString(operation.to, `${where} has no "to" name`), created };
    case 'merge': return { op: 'merge', from, into: requireString(operation.into, `${where} has no "into" name`), created };
    case 'split': return { op: 'split', from, alias: requireString(operation.alias, `${where} has no "alias"`), created };
    default: throw new ShapeError(`${where} has an unknown "op" ${JSON.stringify(operation.op)}`);
  }
}

function extraOf(json: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  const keys = Object.keys(json).filter(key => !known.has(key));
  return keys.length ? Object.fromEntries(keys.map(key => [key, json[key]])) : undefined;
}

function requireString(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new ShapeError(message);
  return value;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
