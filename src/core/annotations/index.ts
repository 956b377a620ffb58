/** The annotation API: model, sidecar (de)serialisation, anchoring, corrections, exports. */
export * from './model';
export type { SidecarParseResult } from './jsonld';
export { parseSidecar, serializeSidecar } from './jsonld';
export type { AnchorMethod, AnchorResult, ReanchorResult } from './anchoring';
export { TextAnchorer, anchorQuote, describeSpan, reanchorAnnotations, targetFor } from './anchoring';
export type { TextChange } from './rebase';
export { rebaseOffsets, rebaseSpan } from './rebase';
export type { CorrectableAnalysis } from './corrections';
export { applyCorrections, applySpeakerOperationsToRecords, speakerAfter } from './corrections';
export type { ArticleForExport, BratImport } from './exchange';
export { CSV_COLUMNS, citeQuotation, exportBrat, exportCsv, exportJsonLd, importBrat, lineOf, notesAndTagsFor, outletOf } from './exchange';
