/**
 * Article text inside trusted Markdown (hover cards). Article text is untrusted: whatever it holds
 * must show as the words it is and never become a link, an image, HTML or a command.
 * No `vscode` import, so the rules are unit-tested in plain Node.
 */

/**
 * Marks that can start Markdown syntax: emphasis, code, links, images, HTML and autolinks, tables,
 * headings and lists, strikethrough, entities, theme icons (`$(name)`), and the `:`, `.` and `@` of
 * bare links. CommonMark lets a backslash escape any ASCII punctuation, so this is always safe.
 */
const markdownPunctuation = /[\\`*_{}[\]()<>#+\-.!|~:&@$]/g;

/**
 * `text` as literal Markdown: runs of whitespace become one space (a card row is one line), every
 * punctuation mark is backslash-escaped (so `[x](command:...)`, `<command:...>`, `**`, backticks,
 * pipes and HTML stay text), and the word `command:` is broken so no renderer can link it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(markdownPunctuation, '\\$&')
    .replace(/command(?=\\:)/gi, 'command\u200b');
}
