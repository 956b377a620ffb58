import * as vscode from 'vscode';
import { suggestSpeakers } from '../core/speakerSuggestions';
import type { LocationArgs } from './navigation';
import { newsLanguageId, type NewsWorkspace } from './newsWorkspace';

/** Speakers offered as one-click fixes for an unattributed quotation. */
const suggestedFixes = 3;

/**
 * Light-bulb actions where annotation fits: on a quotation, attribute it (to a nearby speaker in
 * one click, or to anyone through the picker) or reject it; on a selection, mark it as a quotation
 * or annotate it. Each runs one of the annotation commands with an explicit target.
 */
export function registerQuickFixes(workspace: NewsWorkspace): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      const uri = document.uri.toString();
      const actions: vscode.CodeAction[] = [];
      const add = (title: string, command: string, args: object, preferred = false) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { title, command, arguments: [args] };
        action.isPreferred = preferred;
        actions.push(action);
      };
      const quote = workspace.quoteAt(document.uri, document.offsetAt(range.start));
      if (quote) {
        const target: LocationArgs = { uri, start: quote.start, end: quote.end };
        if (quote.speaker === null) {
          const analysis = workspace.analysisFor(document.uri);
          const names = analysis ? suggestSpeakers(analysis, quote).slice(0, suggestedFixes) : [];
          names.forEach((speaker, i) => add(`Attribute quotation to ${speaker}`, 'newsAnnotator.setSpeaker', { ...target, speaker }, i === 0));
          add('Attribute quotation to…', 'newsAnnotator.setSpeaker', target);
        } else {
          add(`Change speaker of quotation (now ${quote.speaker})…`, 'newsAnnotator.setSpeaker', target);
        }
        add('Mark as not a quotation', 'newsAnnotator.markNotQuotation', target);
      }
      if (!range.isEmpty) {
        const selection: LocationArgs = { uri, start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
        if (!quote) add('Mark selection as quotation', 'newsAnnotator.markQuotation', selection);
        add('Add note to selection…', 'newsAnnotator.addNote', selection);
        add('Add tag to selection…', 'newsAnnotator.addTag', selection);
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: newsLanguageId }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}
