// `aktivitet-rules evaluate` and `explain`: decisions for subjects on a date.
import { resolve } from "node:path"
import { IsoDate } from "@aktivitetsmodell/core"
import { Decision, Explain, Subject } from "../index.js"
import { bi } from "../internal/text.js"
import { loadTree } from "../node/loadTree.js"
import type { Tree } from "../PolicyTree.js"
import { format, hasErrors } from "../Problem.js"
import { type Io, type Lang, readJson, say, shown, UsageError } from "./io.js"

const loadOrReport = (io: Io, dir: string, lang: Lang): Tree | undefined => {
  const { tree, problems } = loadTree(resolve(io.cwd, dir))
  if (!hasErrors(problems)) return tree
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, shown(io, dir)))
  return undefined
}

/** Decodes the input's subjects, reporting every problem with file:line; undefined when any is bad. */
const subjectsOf = (io: Io, file: string, tree: Tree, lang: Lang): { subjects: Array<Subject.Subject>; many: boolean } | undefined => {
  const input = readJson(io, file)
  const many = Array.isArray(input.value)
  const raw: ReadonlyArray<unknown> = many ? (input.value as ReadonlyArray<unknown>) : [input.value]
  const subjects: Array<Subject.Subject> = []
  let bad = false
  raw.forEach((value, i) => {
    const r = Subject.decode(value, tree.catalogue)
    if (r.ok) subjects.push(r.subject)
    else {
      bad = true
      for (const p of r.problems) {
        const pointer = `${many ? `/${i}` : ""}${p.pointer}`
        io.stderr(`${input.name}:${input.lineOf(pointer)}: ${say(p.message, lang)}${pointer === "" ? "" : ` (${lang === "nb" ? "i" : "at"} ${pointer})`}`)
      }
    }
  })
  return bad ? undefined : { subjects, many }
}

const checkDate = (date: string | undefined): string => {
  if (date === undefined || !IsoDate.isIsoDate(date)) throw new UsageError(bi("--date must be a date as YYYY-MM-DD", "--date må være en dato på formen ÅÅÅÅ-MM-DD"))
  return date
}

export const evaluate = (io: Io, policy: string, date: string | undefined, file: string, lang: Lang): number => {
  const day = checkDate(date)
  const tree = loadOrReport(io, policy, lang)
  if (tree === undefined) return 1
  const input = subjectsOf(io, file, tree, lang)
  if (input === undefined) return 1
  const results = input.subjects.map((s) => Decision.decide(tree, s, day))
  io.stdout(JSON.stringify(input.many ? results : results[0], null, 2))
  return 0
}

export const explain = (io: Io, policy: string, date: string | undefined, file: string, lang: Lang): number => {
  const day = checkDate(date)
  const tree = loadOrReport(io, policy, lang)
  if (tree === undefined) return 1
  const input = subjectsOf(io, file, tree, lang)
  if (input === undefined) return 1
  const text = lang === "both" ? (["nb", "en"] as const) : ([lang] as const)
  io.stdout(input.subjects.flatMap((s) => text.map((l) => Explain.decisions(Decision.decide(tree, s, day), tree, l))).join("\n\n"))
  return 0
}
