import * as vscode from 'vscode';
import { semanticTokensFor, tokenModifiers, tokenTypes } from '../core/semanticTokens';
import type { AnnotationStore } from './annotationStore';
import type { NewsWorkspace } from './newsWorkspace';
import { newsLanguageId } from './newsWorkspace';

/** The legend VS Code decodes our tokens with; the same ids as `semanticTokenTypes` in package.json. */
export const semanticTokensLegend = new vscode.SemanticTokensLegend([...tokenTypes], [...tokenModifiers]);

/**
 * Colours quotations, speaker mentions and cue verbs from the live model (hand corrections
 * applied), and asks VS Code to redraw whenever the model changes: an edit, a correction, or
 * another article that now carries the same words.
 */
export function registerSemanticTokens(workspace: NewsWorkspace, store: AnnotationStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.DocumentSemanticTokensProvider = {
    onDidChangeSemanticTokens: changed.event,
    provideDocumentSemanticTokens(document, token) {
      const analysis = workspace.analysisFor(document.uri);
      const text = workspace.textOf(document.uri);
      const builder = new vscode.SemanticTokensBuilder(semanticTokensLegend);
      if (!analysis || text === undefined || token.isCancellationRequested) return builder.build();
      // Quotations marked by hand, as their annotations now place them (orphans place nothing).
      const marked = store.annotationsFor(document.uri)
        .filter(a => !a.orphaned && (a.body.kind === 'quotation' || a.body.kind === 'speaker'))
        .map(a => a.target.position);
      const tuples = semanticTokensFor(text, analysis, {
        isCrossSourced: workspace.carriedElsewhere(document.uri),
        isCorrected: quote => marked.some(p => p.start === quote.start && p.end === quote.end),
      });
      for (const t of tuples) builder.push(t.line, t.character, t.length, t.type, t.modifiers);
      return builder.build();
    },
  };
  return vscode.Disposable.from(
    changed,
    // Corrections reach here through the workspace, which reports the articles they change.
    workspace.onDidChange(() => changed.fire()),
    vscode.languages.registerDocumentSemanticTokensProvider({ language: newsLanguageId }, provider, semanticTokensLegend),
  );
}
