import * as vscode from 'vscode';

/**
 * The extension's one output channel, "News Annotator" in the Output panel. A log channel, so the
 * user chooses how much to see (Developer: Set Log Level) and every line carries a time stamp.
 */
export function createLogger(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('News Annotator', { log: true });
}
