/** The annotation API: model, sidecar (de)serialisation, anchoring, corrections, exports. */
export * from './model';
export { ANNO_CONTEXT, NEWS_NAMESPACE, SidecarParseResult, annotationToJson, parseSidecar, serializeSidecar } from './jsonld';
export { AnchorMethod, AnchorResult, ReanchorResult, TextAnchorer, anchorQuote, describeSpan, reanchorAnnotations, targetFor } from './anchoring';
export { TextChange, rebaseOffsets, rebaseSpan } from './rebase';
export { CorrectableAnalysis, applyCorrections, applySpeakerOperationsToRecords, speakerAfter } from './corrections';
export { ArticleForExport, BratImport, CSV_COLUMNS, exportBrat, exportCsv, exportJsonLd, importBrat, lineOf, notesAndTagsFor, outletOf } from './exchange';
