// Text in Markdown as text, the way the HTML output escapes it: a name, theme
// or title from the records must not become raw HTML (`<img onerror=…>`), a
// link or image (`[x](javascript:…)`, `![x](…)`), emphasis, code, a table
// column (`|`) or a heading (`#` at the start of a line).

// "&", "<", ">" as entities: CommonMark and GitHub render them as the
// characters and never as tags. The rest with a backslash, which CommonMark
// allows before any ASCII punctuation (and "\|" is GitHub's escape in a table
// cell). The backslash itself first, so that data cannot undo an escape.
const entity: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" }

/**
 * `s` as one line of Markdown text: special characters escaped, line breaks
 * (which could start a new block, or end a table row) made spaces.
 * @example
 * escapeMarkdown("<img src=x onerror=alert(1)>") // "&lt;img src=x onerror=alert\\(1\\)&gt;"
 */
export const escapeMarkdown = (s: string): string =>
  s
    .replace(/\r\n|[\r\n\u2028\u2029]/gu, " ")
    .replace(/[\\`*_[\]()!|]/gu, (c) => `\\${c}`)
    .replace(/[&<>]/gu, (c) => entity[c]!)
    .replace(/^(\s*)#/u, "$1\\#")
