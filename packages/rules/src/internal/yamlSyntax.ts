// One bilingual message, at the right line, for a YAML file the parser
// refused. The parser reports an indentation slip as two or three English
// errors, some on later lines that are fine; a policy officer needs the line
// that moved and the column it belongs at. This reads the file's lines once
// (tabs first, then indentation), and otherwise turns the parser's first
// error into a message in both languages.
import type { Bilingual } from "@aktivitetsmodell/core"
import type { SyntaxHint } from "./jsonSyntax.js"
import { shortLine } from "./text.js"

/** What the parser says: its code, first line of message, and position. */
export interface ParserError {
  readonly code: string
  readonly message: string
  readonly line: number
  readonly column: number
}

interface Line {
  readonly number: number
  readonly indent: number
  readonly text: string
}

const blockScalar = /[:-]\s*[|>][+-]?\d*\s*(?:#.*)?$/u

// The key a line starts with, for a message: `date:` or `- name:`.
const keyOf = (text: string): string => {
  const m = /^(-\s+)?([^\s:#][^:#]*?):(?:\s|$)/u.exec(text)
  return m === null ? shortLine(text.trim(), 30) : `${m[1] ?? ""}${m[2]}:`
}

// True when a line ends a key with no value, so the next line may be indented further.
const opensBlock = (text: string): boolean =>
  /:\s*(?:#.*)?$/u.test(text) || /^-\s*$/u.test(text) || blockScalar.test(text)

/** The first tab used for indentation: YAML refuses them, and they look like spaces. */
const tabIn = (lines: ReadonlyArray<string>): SyntaxHint | undefined => {
  for (let i = 0; i < lines.length; i++) {
    const m = /^[ \t]*\t/u.exec(lines[i]!)
    if (m !== null && lines[i]!.trim() !== "") {
      return {
        line: i + 1,
        column: m[0].length,
        message: {
          nb: "Det er brukt tabulator til innrykk; YAML tillater bare mellomrom: bytt tabulatoren med mellomrom",
          en: "A tab is used for indentation; YAML allows only spaces: replace the tab with spaces",
        },
      }
    }
  }
  return undefined
}

/** How far flow brackets on a line stay open: "{ a: [1" leaves 2. Quotes are skipped. */
const openBrackets = (text: string): number => {
  let depth = 0
  let quote: string | undefined
  for (const c of text) {
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === "#") break
    else if (c === "{" || c === "[") depth++
    else if (c === "}" || c === "]") depth--
  }
  return depth
}

/**
 * The first line whose brackets or double quotes do not close on it. Case
 * files write flow maps and lists on one line, so an unclosed one is a slip.
 */
const unclosedOnLine = (lines: ReadonlyArray<string>): SyntaxHint | undefined => {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!
    if (text.trimStart().startsWith("#")) continue
    const stack: Array<{ char: string; column: number }> = []
    let quote: { char: string; column: number } | undefined
    for (let k = 0; k < text.length; k++) {
      const c = text[k]!
      if (quote !== undefined) {
        if (c === "\\" && quote.char === '"') k++
        else if (c === quote.char) quote = undefined
        continue
      }
      // A quote only opens a text at the start of a value, not inside a word like "it's".
      if ((c === '"' || c === "'") && (k === 0 || /[\s,[{:]/u.test(text[k - 1]!))) quote = { char: c, column: k + 1 }
      else if (c === "#" && (k === 0 || /\s/u.test(text[k - 1]!))) break
      else if (c === "{" || c === "[") stack.push({ char: c, column: k + 1 })
      else if (c === "}" || c === "]") {
        const open = stack.pop()
        const wanted = open === undefined ? undefined : open.char === "{" ? "}" : "]"
        if (open !== undefined && wanted !== c) {
          return {
            line: i + 1,
            column: k + 1,
            message: {
              nb: `«${open.char}» i kolonne ${open.column} er ikke lukket: legg til «${wanted}» foran denne «${c}»`,
              en: `The "${open.char}" in column ${open.column} is not closed: add "${wanted}" before this "${c}"`,
            },
          }
        }
      }
    }
    if (quote !== undefined) {
      return {
        line: i + 1,
        column: text.length + 1,
        message: {
          nb: `Teksten som starter med ${quote.char} i kolonne ${quote.column}, mangler avsluttende anførselstegn: legg til ${quote.char} på slutten`,
          en: `The text that starts with ${quote.char} in column ${quote.column} has no closing quote: add ${quote.char} at its end`,
        },
      }
    }
    const open = stack[stack.length - 1]
    if (open !== undefined) {
      const wanted = open.char === "{" ? "}" : "]"
      return {
        line: i + 1,
        column: text.length + 1,
        message: {
          nb: `«${open.char}» i kolonne ${open.column} er ikke lukket på sin linje: legg til «${wanted}» på slutten av verdien`,
          en: `The "${open.char}" in column ${open.column} is not closed on its line: add "${wanted}" at the end of the value`,
        },
      }
    }
  }
  return undefined
}

interface Level {
  readonly column: number
  /** A list's "-" column: only "- " items start here. */
  readonly dash: boolean
}

/**
 * The first line whose indentation does not fit the lines around it: deeper
 * than a line that already has its value, or between two levels in use.
 */
const indentSlip = (lines: ReadonlyArray<string>): SyntaxHint | undefined => {
  const content: Array<Line> = []
  let flow = 0
  lines.forEach((text, i) => {
    const body = text.trimStart()
    if (body === "" || body.startsWith("#")) return
    // Lines inside a bracket left open on an earlier line are part of that value.
    if (flow <= 0) content.push({ number: i + 1, indent: text.length - body.length, text: body })
    flow = Math.max(0, flow + openBrackets(body))
  })
  const levels: Array<Level> = [{ column: 0, dash: false }]
  // A line at `column` in the same block as line `at`: the nearest before it, else the nearest after.
  const siblingAt = (at: number, column: number): Line | undefined => {
    const i = content.findIndex((l) => l.number === at)
    for (const step of [-1, 1]) {
      for (let k = i + step; k >= 0 && k < content.length; k += step) {
        if (content[k]!.indent === column) return content[k]
        if (content[k]!.indent < column) break
      }
    }
    return undefined
  }
  let skipDeeperThan: number | undefined
  let previous: Line | undefined
  for (const line of content) {
    if (skipDeeperThan !== undefined) {
      if (line.indent > skipDeeperThan) continue
      skipDeeperThan = undefined
    }
    const isItem = /^-(?:\s|$)/u.test(line.text)
    const level = levels[levels.length - 1]!.column
    if (previous !== undefined && line.indent > level) {
      if (!opensBlock(previous.text)) {
        const key = keyOf(previous.text)
        return {
          line: line.number,
          column: line.indent + 1,
          message: {
            nb: `«${keyOf(line.text)}» har større innrykk enn «${key}» på linje ${previous.number}, som allerede har en verdi: flytt den til kolonne ${level + 1}`,
            en: `"${keyOf(line.text)}" is indented further than "${key}" on line ${previous.number}, which already has a value: move it to column ${level + 1}`,
          },
        }
      }
      levels.push({ column: line.indent, dash: isItem })
    } else if (line.indent < level) {
      const popped: Array<Level> = []
      while (levels.length > 1 && levels[levels.length - 1]!.column > line.indent) popped.push(levels.pop()!)
      const outer = levels[levels.length - 1]!
      if (outer.column !== line.indent) {
        // The nearest column this line could belong to: a "-" column for a list item, a key column otherwise.
        const candidates = [outer, ...popped].filter((l) => l.dash === isItem)
        const pool = candidates.length > 0 ? candidates : [outer, ...popped]
        const best = pool.reduce((a, b) =>
          Math.abs(b.column - line.indent) < Math.abs(a.column - line.indent) ? b : a,
        )
        const sibling = siblingAt(line.number, best.column)
        const like = sibling === undefined ? "" : ` (like "${keyOf(sibling.text)}" on line ${sibling.number})`
        const som = sibling === undefined ? "" : ` (som «${keyOf(sibling.text)}» på linje ${sibling.number})`
        return {
          line: line.number,
          column: line.indent + 1,
          message: {
            nb: `«${keyOf(line.text)}» starter i kolonne ${line.indent + 1}, som ikke stemmer med linjene rundt: flytt den til kolonne ${best.column + 1}${som}`,
            en: `"${keyOf(line.text)}" starts in column ${line.indent + 1}, which does not line up with the lines around it: move it to column ${best.column + 1}${like}`,
          },
        }
      }
    }
    // A list item's keys start after "- ": that column is a level too.
    const dash = /^-\s+(?=\S)/u.exec(line.text)
    if (dash !== null) {
      const top = levels[levels.length - 1]!
      if (top.column === line.indent && !top.dash) levels[levels.length - 1] = { column: line.indent, dash: true }
      levels.push({ column: line.indent + dash[0].length, dash: false })
    }
    if (blockScalar.test(line.text)) skipDeeperThan = line.indent
    previous = line
  }
  return undefined
}

// The parser's codes that mean the structure did not line up.
const indentationCodes = new Set([
  "BAD_INDENT",
  "MISSING_CHAR",
  "BLOCK_AS_IMPLICIT_KEY",
  "MULTILINE_IMPLICIT_KEY",
  "UNEXPECTED_TOKEN",
  "TAB_AS_INDENT",
])

const translated: Readonly<Record<string, Bilingual>> = {
  BAD_INDENT: {
    nb: "Innrykket stemmer ikke med linjene over: rett denne linjen inn etter nabolinjene",
    en: "The indentation does not line up with the lines above: line this line up with its neighbours",
  },
  DUPLICATE_KEY: {
    nb: "Et felt står to ganger på samme sted: fjern det ene",
    en: "A key appears twice in the same place: remove one of them",
  },
  MISSING_CHAR: {
    nb: "Det mangler en avsluttende parentes eller en «-» her: sjekk parentesene og listetegnene",
    en: 'A closing bracket or a "-" is missing here: check the brackets and the list markers',
  },
  UNEXPECTED_TOKEN: {
    nb: "Dette tegnet hører ikke hjemme her: sjekk parenteser, anførselstegn og kolon på denne linjen",
    en: "This character does not belong here: check the brackets, quotes and colons on this line",
  },
  BAD_SCALAR_START: {
    nb: "En verdi kan ikke starte med dette tegnet: sett verdien i doble anførselstegn",
    en: "A value cannot start with this character: put the value in double quotes",
  },
  MULTILINE_IMPLICIT_KEY: {
    nb: "Et felt må stå på én linje: sjekk innrykket og kolonene her",
    en: "A key must be on one line: check the indentation and the colons here",
  },
  BLOCK_AS_IMPLICIT_KEY: {
    nb: "En liste eller blokk kan ikke være et felt: sjekk innrykket her",
    en: "A list or block cannot be a key: check the indentation here",
  },
}

const hasOwn = (code: string): boolean => Object.hasOwn(translated, code)

/** One message for the refused YAML `text`, given the parser's errors in document order. */
export const describeYaml = (text: string, errors: ReadonlyArray<ParserError>): SyntaxHint => {
  const lines = text.split(/\r?\n/u)
  const first = [...errors].sort((a, b) => a.line - b.line || a.column - b.column)[0]
  const tab = tabIn(lines)
  if (tab !== undefined && (first === undefined || tab.line <= first.line || first.code === "TAB_AS_INDENT")) return tab
  const unclosed = unclosedOnLine(lines)
  if (unclosed !== undefined && (first === undefined || unclosed.line <= first.line)) return unclosed
  if (first === undefined || indentationCodes.has(first.code)) {
    const slip = indentSlip(lines)
    // The slip is the parser's first complaint or just after it; a guess further away is not trusted.
    if (slip !== undefined && (first === undefined || slip.line <= first.line + 1)) return slip
  }
  if (first === undefined)
    return {
      line: 1,
      column: 1,
      message: { nb: "YAML kan ikke leses: sjekk filen", en: "YAML cannot be read: check the file" },
    }
  const known = hasOwn(first.code) ? translated[first.code]! : undefined
  const said = shortLine(first.message, 160)
  return {
    line: first.line,
    column: first.column,
    message: known ?? {
      nb: `YAML kan ikke leses her (${said}): sjekk parenteser, anførselstegn og innrykk på denne linjen`,
      en: `YAML cannot be read here (${said}): check the brackets, quotes and indentation on this line`,
    },
  }
}
