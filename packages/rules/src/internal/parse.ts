// Parsing a policy file's text, JSON or YAML, into a value and a way to find
// the line of any JSON pointer in it; or, for text that is not JSON or YAML,
// one problem at the line and column of the mistake, saying what to do.
import type { Bilingual } from "@aktivitetsmodell/core"
import { JsonText } from "@aktivitetsmodell/core"
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Pair,
  parseDocument,
  type YAMLMap,
  type Node as YamlNode,
} from "yaml"
import type { Problem } from "../Problem.js"
import { savedAsUtf16, utf16Message, withoutBom } from "./encoding.js"
import { diagnose } from "./jsonSyntax.js"
import { steps } from "./pointer.js"
import { quote, shortLine } from "./text.js"
import { describeYaml } from "./yamlSyntax.js"

/** The most characters a policy file may hold (PolicyTree.maxChars). */
export const maxChars = 1_000_000

/** A file's parsed value and line finder, or its syntax problems. */
export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly lineOf: (pointer: string) => number }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

const syntax = (file: string, line: number, message: Bilingual, column?: number): Problem => ({
  file,
  pointer: "",
  line,
  ...(column === undefined ? {} : { column }),
  code: "syntax",
  severity: "error",
  message,
})

const parseJson = (file: string, text: string): Parsed => {
  const positions = JsonText.parse(text)
  if (!positions.ok) {
    // The scanner names the token that is wrong, which is at or before where parsing stopped.
    const hint = diagnose(text)
    if (
      hint !== undefined &&
      (hint.line < positions.line || (hint.line === positions.line && hint.column <= positions.column))
    ) {
      return {
        ok: false,
        problems: [syntax(file, hint.line, hint.message, hint.column)],
      }
    }
    const { en, nb } = positions.message
    return {
      ok: false,
      problems: [
        syntax(
          file,
          positions.line,
          { en: `${en}: correct the JSON here`, nb: `${nb}: rett JSON-teksten her` },
          positions.column,
        ),
      ],
    }
  }
  // The value is JSON.parse's, which keeps a "__proto__" key as an ordinary key, so the validator sees and rejects it.
  return { ok: true, value: positions.value, lineOf: (pointer) => JsonText.nearestLine(positions, pointer) }
}

/** Every key node that repeats an earlier scalar key in the same map, in document order. */
const duplicateKeys = (root: unknown): Array<YamlNode> => {
  const out: Array<YamlNode> = []
  // An explicit stack: a deep document must not overflow the call stack here.
  const stack: Array<unknown> = [root]
  const seenNodes = new Set<unknown>()
  while (stack.length > 0) {
    const node = stack.pop()
    if (seenNodes.has(node)) continue
    seenNodes.add(node)
    if (isMap(node)) {
      const keys = new Set<unknown>()
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (keys.has(pair.key.value)) out.push(pair.key)
          else keys.add(pair.key.value)
        }
        stack.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item)
  }
  return out.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
}

const parseYaml = (file: string, text: string): Parsed => {
  const lineCounter = new LineCounter()
  // The parser's own duplicate-key check scans every earlier key for each
  // key (quadratic: 80,000 keys took minutes); duplicateKeys uses a set.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false })
  if (doc.errors.length > 0) {
    // One message at the line that is wrong, rather than the parser's two or three in English.
    const errors = doc.errors.map((e) => ({
      code: e.code,
      message: e.message.split("\n")[0] ?? e.code,
      line: e.linePos?.[0].line ?? 1,
      column: e.linePos?.[0].col ?? 1,
    }))
    const hint = describeYaml(text, errors)
    return { ok: false, problems: [syntax(file, hint.line, hint.message, hint.column)] }
  }
  const duplicates = duplicateKeys(doc.contents).map((n) => {
    const at = n.range === undefined || n.range === null ? { line: 1, col: 1 } : lineCounter.linePos(n.range[0])
    const key = quote(String((n as { value?: unknown }).value))
    return syntax(
      file,
      at.line,
      {
        en: `The key ${key.en} appears twice in the same place: remove one of them`,
        nb: `Feltet ${key.nb} står to ganger på samme sted: fjern det ene`,
      },
      at.col,
    )
  })
  if (duplicates.length > 0) return { ok: false, problems: duplicates }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    // Aliases that multiply into a huge document ("billion laughs") stop here.
    const said = shortLine(e instanceof Error ? e.message : String(e), 160)
    return {
      ok: false,
      problems: [
        syntax(file, 1, {
          en: `YAML aliases (*name) repeat too much (${said}): write the values out instead`,
          nb: `YAML-aliaser (*navn) gjentas for mye (${said}): skriv verdiene ut i stedet`,
        }),
      ],
    }
  }
  // Each map's keys are indexed once, so a file with many problems costs
  // one lookup per step rather than a scan of the map (which was quadratic).
  const indexes = new WeakMap<object, Map<string, Pair>>()
  const pairOf = (map: YAMLMap, step: string): Pair | undefined => {
    let index = indexes.get(map)
    if (index === undefined) {
      index = new Map()
      for (const p of map.items) {
        const key = String((p.key as { value?: unknown } | null)?.value ?? p.key)
        if (!index.has(key)) index.set(key, p as Pair)
      }
      indexes.set(map, index)
    }
    return index.get(step)
  }
  const lineOf = (pointer: string): number => {
    let node: unknown = doc.contents
    let line = 1
    const at = (n: unknown) => {
      const range = (n as YamlNode | null)?.range
      if (range !== undefined && range !== null) line = lineCounter.linePos(range[0]).line
    }
    at(node)
    for (const step of steps(pointer)) {
      if (isMap(node)) {
        const pair = pairOf(node, step)
        if (pair === undefined) break
        at(pair.key)
        node = pair.value
      } else if (isSeq(node)) {
        node = node.items[Number(step)]
      } else break
      if (node === undefined || node === null) break
      at(node)
    }
    return line
  }
  return { ok: true, value, lineOf }
}

/** Parses a policy file by its name: `.yaml`/`.yml` as YAML, anything else as JSON. */
export const parse = (file: string, text: string): Parsed => {
  if (text.length > maxChars) {
    return {
      ok: false,
      problems: [
        {
          ...syntax(file, 1, {
            en: `The file has ${text.length} characters; a policy file may have at most ${maxChars}`,
            nb: `Filen har ${text.length} tegn; en regelfil kan ha høyst ${maxChars}`,
          }),
          code: "too-large",
        },
      ],
    }
  }
  if (savedAsUtf16(text)) return { ok: false, problems: [syntax(file, 1, utf16Message)] }
  // Lines and columns are counted from after the mark, as an editor shows them.
  const body = withoutBom(text)
  try {
    return /\.ya?ml$/u.test(file) ? parseYaml(file, body) : parseJson(file, body)
  } catch (e) {
    // Pathologically deep nesting overflows the parser's stack.
    if (e instanceof RangeError)
      return {
        ok: false,
        problems: [
          syntax(file, 1, {
            en: "The file is nested too deeply to read: a policy file needs far fewer levels",
            nb: "Filen er nøstet for dypt til å leses: en regelfil trenger langt færre nivåer",
          }),
        ],
      }
    throw e
  }
}
