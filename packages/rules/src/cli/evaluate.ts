// `aktivitet-rules evaluate` and `explain`: decisions for subjects on a date.
//
// Output is written one subject at a time, so memory does not grow with the
// number of subjects: JSON Lines input gives JSON Lines output (one subject's
// decisions per line); a JSON list gives the same pretty-printed list as
// before, written element by element.
import { IsoDate } from "@aktivitetsmodell/core"
import { decide } from "../Decision.js"
import { decisions as explainDecisions } from "../Explain.js"

import type { Tree } from "../PolicyTree.js"
import type { Subject } from "../Subject.js"
import { type Io, isJsonLines, jsonLine, type OutputLang, UsageError } from "./io.js"
import { loadOrReport } from "./load.js"
import { subjectsOfJson, subjectsOfLines } from "./subjects.js"

export interface EvaluateOptions {
  readonly policy: string
  readonly date: string | undefined
  readonly file: string
  readonly lang: OutputLang
  readonly jsonl: boolean
  /** Add each decision's receipt, for `aktivitet-rules replay`. */
  readonly receipt?: boolean
}

const checkDate = (date: string | undefined): string => {
  if (date === undefined || !IsoDate.isIsoDate(date))
    throw new UsageError({
      nb: "--date må være en dato på formen ÅÅÅÅ-MM-DD",
      en: "--date must be a date as YYYY-MM-DD",
    })
  return date
}

// How many lines go out between waits for a slow reader.
const drainEvery = 256

/** Runs `each` over the subjects of a JSON Lines input; 1 when a line was bad. */
const overLines = async (io: Io, tree: Tree, o: EvaluateOptions, each: (s: Subject) => void): Promise<number> => {
  const bad = { count: 0 }
  let n = 0
  for await (const subject of subjectsOfLines(io, o.file, tree, o.lang, bad)) {
    each(subject)
    if (++n % drainEvery === 0) await io.drain?.()
  }
  return bad.count > 0 ? 1 : 0
}

/** JSON Lines input: a .jsonl or .ndjson file, or standard input with --jsonl. */
const linesIn = (o: EvaluateOptions): boolean => isJsonLines(o.file, o.jsonl && o.file === "-")

export const evaluate = async (io: Io, o: EvaluateOptions): Promise<number> => {
  const day = checkDate(o.date)
  const tree = loadOrReport(io, o.policy, o.lang)
  if (typeof tree === "number") return tree
  const decided = (s: Subject) => decide(tree, s, day, { receipt: o.receipt === true })
  const line = (s: Subject) => io.stdout(jsonLine(decided(s)))
  if (linesIn(o)) return overLines(io, tree, o, line)
  const input = subjectsOfJson(io, o.file, tree, o.lang)
  if (input === undefined) return 1
  if (o.jsonl) {
    for (let i = 0; i < input.subjects.length; i++) {
      line(input.subjects[i]!)
      if (i % drainEvery === 0) await io.drain?.()
    }
    return 0
  }
  if (!input.many) {
    io.stdout(jsonLine(decided(input.subjects[0]!), 2))
    return 0
  }
  // The same text as JSON.stringify(list, null, 2), one element at a time.
  if (input.subjects.length === 0) {
    io.stdout("[]")
    return 0
  }
  io.stdout("[")
  for (let i = 0; i < input.subjects.length; i++) {
    const text = jsonLine(decided(input.subjects[i]!), 2)
    io.stdout(`${text.replace(/^/gmu, "  ")}${i < input.subjects.length - 1 ? "," : ""}`)
    if (i % drainEvery === 0) await io.drain?.()
  }
  io.stdout("]")
  return 0
}

export const explain = async (io: Io, o: EvaluateOptions): Promise<number> => {
  const day = checkDate(o.date)
  const tree = loadOrReport(io, o.policy, o.lang)
  if (typeof tree === "number") return tree
  const langs = o.lang === "both" ? (["nb", "en"] as const) : ([o.lang] as const)
  let first = true
  const write = (s: Subject) => {
    const result = decide(tree, s, day)
    for (const l of langs) {
      // Blocks are separated by one empty line, as before.
      io.stdout(`${first ? "" : "\n"}${explainDecisions(result, tree, l)}`)
      first = false
    }
  }
  if (linesIn(o)) return overLines(io, tree, o, write)
  const input = subjectsOfJson(io, o.file, tree, o.lang)
  if (input === undefined) return 1
  input.subjects.forEach(write)
  return 0
}
