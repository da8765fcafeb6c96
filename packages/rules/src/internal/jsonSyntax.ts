// Where a JSON syntax error really is, and what to do about it. Core's
// JsonText finds the first place the text stops being JSON, which is often
// one token after the mistake: a trailing comma is noticed at the "]" on the
// next line, a missing comma at the start of the next property. This scanner
// runs only on text JsonText refused, walks its tokens once with an explicit
// stack (so a deep file cannot overflow it), and names the token that is
// wrong — the comma to remove, the place a comma or "}" is missing — with
// what to do, in both languages.
import type { Bilingual } from "@aktivitetsmodell/core"

/** A syntax problem at a line and column (both from 1). */
export interface SyntaxHint {
  readonly line: number
  readonly column: number
  readonly message: Bilingual
}

type Kind = "{" | "}" | "[" | "]" | ":" | "," | "string" | "word" | "bad-string" | "comment" | "quote"

interface Token {
  readonly kind: Kind
  readonly start: number
  readonly end: number
}

// What the scanner expects next inside each container, or at the top.
type State = "key-or-end" | "key" | "colon" | "value" | "value-or-end" | "comma-or-end" | "done"

interface Open {
  readonly char: "{" | "["
  readonly at: number
  state: State
}

// Deep enough for any real file; JsonText refuses deeper ones with the same limit.
const maxDepth = 512

const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/u
const structural = new Set(["{", "}", "[", "]", ":", ","])
const space = new Set([" ", "\t", "\r", "\n"])

/** Line and column (from 1) of an offset in `text`, using a table of line starts. */
const positionOf = (starts: ReadonlyArray<number>, at: number): { line: number; column: number } => {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: at - starts[lo]! + 1 }
}

const lineStarts = (text: string): Array<number> => {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1)
  return starts
}

// Said both after a property name with no ":" and at a comma in its place.
const missingColon = {
  en: 'A ":" and a value are missing after the property name',
  nb: "Det mangler «:» og en verdi etter feltnavnet",
}

/** The next token from `pos`, or undefined at the end of the text. */
const next = (text: string, from: number): Token | undefined => {
  let pos = from
  while (pos < text.length && space.has(text[pos]!)) pos++
  if (pos >= text.length) return undefined
  const c = text[pos]!
  if (structural.has(c)) return { kind: c as Kind, start: pos, end: pos + 1 }
  if (c === "/" && (text[pos + 1] === "/" || text[pos + 1] === "*"))
    return { kind: "comment", start: pos, end: pos + 2 }
  if (c === "'") return { kind: "quote", start: pos, end: pos + 1 }
  if (c === '"') {
    let i = pos + 1
    while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1
    if (i >= text.length || text[i] !== '"') return { kind: "bad-string", start: pos, end: Math.min(i, text.length) }
    return { kind: "string", start: pos, end: i + 1 }
  }
  let i = pos
  while (i < text.length && !space.has(text[i]!) && !structural.has(text[i]!) && text[i] !== '"') i++
  return { kind: "word", start: pos, end: i }
}

const shown = (text: string, t: Token): string => {
  const s = text.slice(t.start, Math.min(t.end, t.start + 40))
  return t.end - t.start > 40 ? `${s}…` : s
}

const closer = (o: Open) => (o.char === "{" ? "}" : "]")

/**
 * The first syntax mistake in `text`, or undefined when this scanner finds
 * none (then the caller keeps JsonText's own report).
 */
export const diagnose = (text: string): SyntaxHint | undefined => {
  const starts = lineStarts(text)
  const at = (offset: number, message: Bilingual): SyntaxHint => ({ ...positionOf(starts, offset), message })
  const stack: Array<Open> = []
  let top: State = "value"
  let previous: Token | undefined
  let pos = 0
  const lineOf = (offset: number) => positionOf(starts, offset).line
  for (;;) {
    const t = next(text, pos)
    const open = stack[stack.length - 1]
    const state = open === undefined ? top : open.state
    if (t === undefined) {
      if (open !== undefined) {
        const end = previous === undefined ? text.length : previous.end
        return at(end, {
          en: `The "${open.char}" on line ${lineOf(open.at)} is never closed: add "${closer(open)}" where it ends`,
          nb: `«${open.char}» på linje ${lineOf(open.at)} blir aldri lukket: legg til «${closer(open)}» der den slutter`,
        })
      }
      if (state === "value")
        return at(text.length, {
          en: 'The file is empty: a rule or parameter file holds one JSON object, starting with "{"',
          nb: "Filen er tom: en regel- eller parameterfil inneholder ett JSON-objekt som starter med «{»",
        })
      return undefined
    }
    pos = t.end
    const set = (s: State) => {
      if (open === undefined) top = s
      else open.state = s
    }
    if (t.kind === "comment")
      return at(t.start, {
        en: 'JSON files cannot hold comments: remove it, or write it in a "note"',
        nb: "JSON-filer kan ikke ha kommentarer: fjern den, eller skriv den i et «note»-felt",
      })
    if (t.kind === "quote")
      return at(t.start, {
        en: "JSON uses double quotes (\"), not single quotes ('): change the quotes",
        nb: "JSON bruker doble anførselstegn (\"), ikke enkle ('): bytt anførselstegnene",
      })
    if (t.kind === "bad-string") {
      return at(t.end, {
        en: 'This text has no closing quote: add " at the end of the text',
        nb: 'Denne teksten mangler avsluttende anførselstegn: legg til " på slutten av teksten',
      })
    }
    // A new item where a comma or the end was expected: the comma is missing after the previous one.
    if (
      state === "comma-or-end" &&
      (t.kind === "string" || t.kind === "word" || t.kind === "{" || t.kind === "[") &&
      previous !== undefined
    ) {
      return at(previous.end, {
        en: 'A comma is missing after this value: add ","',
        nb: "Det mangler et komma etter denne verdien: legg til «,»",
      })
    }
    if (state === "done") {
      if (t.kind === "}" || t.kind === "]")
        return at(t.start, {
          en: `There is one "${t.kind}" too many: remove it, or add the "${t.kind === "}" ? "{" : "["}" it should close`,
          nb: `Det er én «${t.kind}» for mye: fjern den, eller legg til «${t.kind === "}" ? "{" : "["}» som den skal lukke`,
        })
      return at(t.start, {
        en: "There is text after the end of the JSON: remove it",
        nb: "Det står tekst etter slutten på JSON-innholdet: fjern den",
      })
    }
    switch (t.kind) {
      case "{":
      case "[":
        if (state === "value" || state === "value-or-end") {
          if (stack.length >= maxDepth)
            return at(t.start, {
              en: `Nested deeper than ${maxDepth} levels: a policy file needs far fewer`,
              nb: `Nøstet dypere enn ${maxDepth} nivåer: en regelfil trenger langt færre`,
            })
          set("comma-or-end")
          stack.push({ char: t.kind, at: t.start, state: t.kind === "{" ? "key-or-end" : "value-or-end" })
          break
        }
        if (state === "colon")
          return at(previous!.end, {
            en: 'A ":" is missing after the property name: add ":"',
            nb: "Det mangler «:» etter feltnavnet: legg til «:»",
          })
        return at(t.start, {
          en: `A property name in double quotes is expected here, not "${t.kind}"`,
          nb: `Her skal det stå et feltnavn i doble anførselstegn, ikke «${t.kind}»`,
        })
      case "}":
      case "]": {
        if (open === undefined)
          return at(t.start, {
            en: `There is one "${t.kind}" too many: remove it`,
            nb: `Det er én «${t.kind}» for mye: fjern den`,
          })
        if (state === "key" || (state === "value" && open.char === "[")) {
          // After a comma: the comma has nothing after it.
          return at(previous!.start, {
            en: `Remove this comma: nothing follows it before "${t.kind}"`,
            nb: `Fjern dette kommaet: det kommer ikke noe etter det før «${t.kind}»`,
          })
        }
        if (state === "colon") return at(previous!.end, missingColon)
        if (state === "value")
          return at(previous!.end, {
            en: `A value is missing after "${text[previous!.start]}": write a value, or remove the property`,
            nb: `Det mangler en verdi etter «${text[previous!.start]}»: skriv en verdi, eller fjern feltet`,
          })
        if (t.kind !== closer(open)) {
          return at(t.start, {
            en: `The "${open.char}" on line ${lineOf(open.at)} is not closed: add "${closer(open)}" before this "${t.kind}"`,
            nb: `«${open.char}» på linje ${lineOf(open.at)} er ikke lukket: legg til «${closer(open)}» foran denne «${t.kind}»`,
          })
        }
        stack.pop()
        break
      }
      case ":":
        if (state === "colon") {
          open!.state = "value"
          break
        }
        if (state === "comma-or-end" && open?.char === "[" && previous?.kind === "string") {
          return at(previous.start, {
            en: 'A "{" is missing before this property name: an object in a list starts with "{"',
            nb: "Det mangler «{» foran dette feltnavnet: et objekt i en liste starter med «{»",
          })
        }
        return at(t.start, {
          en: 'This ":" does not belong here: a ":" only follows a property name',
          nb: "Denne «:» hører ikke hjemme her: «:» kommer bare etter et feltnavn",
        })
      case ",":
        if (state === "comma-or-end") {
          open!.state = open!.char === "{" ? "key" : "value"
          break
        }
        if (state === "colon") return at(previous!.end, missingColon)
        if (state === "value")
          return at(t.start, {
            en: "A value is missing before this comma: write a value, or remove the comma",
            nb: "Det mangler en verdi foran dette kommaet: skriv en verdi, eller fjern kommaet",
          })
        return at(t.start, {
          en: "Remove this comma: there is nothing before it",
          nb: "Fjern dette kommaet: det står ikke noe foran det",
        })
      case "string":
        if (state === "key" || state === "key-or-end") {
          open!.state = "colon"
          break
        }
        if (state === "value" || state === "value-or-end") {
          set("comma-or-end")
          break
        }
        return at(previous!.end, {
          en: 'A ":" is missing after the property name: add ":"',
          nb: "Det mangler «:» etter feltnavnet: legg til «:»",
        })
      case "word": {
        const word = shown(text, t)
        if (state === "key" || state === "key-or-end")
          return at(t.start, {
            en: `A property name must be in double quotes: write "${word}"`,
            nb: `Et feltnavn må stå i doble anførselstegn: skriv "${word}"`,
          })
        if (state === "colon")
          return at(previous!.end, {
            en: 'A ":" is missing after the property name: add ":"',
            nb: "Det mangler «:» etter feltnavnet: legg til «:»",
          })
        if (!literal.test(text.slice(t.start, t.end))) {
          return at(t.start, {
            en: `${word} is not a JSON value: write a number, true, false, null, or a text in double quotes`,
            nb: `${word} er ikke en JSON-verdi: skriv et tall, true, false, null eller en tekst i doble anførselstegn`,
          })
        }
        set("comma-or-end")
        break
      }
    }
    if (stack.length === 0 && (top as State) === "comma-or-end") top = "done"
    previous = t
  }
}
