// `aktivitet-rules impact`: how many decisions change between two trees over a data set.
import { resolve } from "node:path"
import { Batch, Dataset, Problems } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { DatasetSubjects, Impact, Subject } from "../index.js"
import { bi } from "../internal/text.js"
import { loadTree } from "../node/loadTree.js"
import type { Tree } from "../PolicyTree.js"
import { format, hasErrors } from "../Problem.js"
import { type Io, type Lang, readJson, say, shown, UsageError } from "./io.js"

const syntheticSpec = /^synthetic(?::(\d{4}))?(?::(\d+))?$/u

const load = (io: Io, dir: string, lang: Lang): Tree | undefined => {
  const { tree, problems } = loadTree(resolve(io.cwd, dir))
  if (!hasErrors(problems)) return tree
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, shown(io, dir)))
  return undefined
}

/** The items to evaluate: the synthetic year, a Dataset file, or a file of { key?, date, subject } items. */
const itemsOf = (io: Io, data: string, tree: Tree, lang: Lang): { items: ReadonlyArray<DatasetSubjects.Item>; label: { en: string; nb: string } } | undefined => {
  const m = syntheticSpec.exec(data)
  if (m !== null) {
    const year = Number(m[1] ?? 2024)
    const seed = Number(m[2] ?? 1)
    return { items: DatasetSubjects.of(generate({ seed, year })), label: bi(`synthetic year ${year} (seed ${seed})`, `syntetisk år ${year} (frø ${seed})`) }
  }
  const input = readJson(io, data)
  if (Array.isArray(input.value)) {
    const items: Array<DatasetSubjects.Item> = []
    let bad = false
    input.value.forEach((raw: unknown, i) => {
      const item = raw as { key?: unknown; date?: unknown; subject?: unknown } | null
      const s = Subject.decode(item?.subject, tree.catalogue)
      const date = item?.date
      if (!s.ok || typeof date !== "string") {
        bad = true
        const problems = s.ok ? [] : s.problems
        if (typeof date !== "string") io.stderr(`${input.name}:${input.lineOf(`/${i}`)}: ${say(bi('Each item needs "date" and "subject"', "Hvert element trenger «date» og «subject»"), lang)}`)
        for (const p of problems) io.stderr(`${input.name}:${input.lineOf(`/${i}/subject${p.pointer}`)}: ${say(p.message, lang)}`)
        return
      }
      items.push({ key: typeof item?.key === "string" ? item.key : `item ${i}`, date, subject: s.subject })
    })
    return bad ? undefined : { items, label: bi(input.name, input.name) }
  }
  const decoded = Batch.decode(Dataset.Dataset, [input.value])
  const rejected = decoded.rejected[0]
  if (rejected !== undefined) {
    for (const p of rejected.problems.slice(0, 50)) {
      io.stderr(`${input.name}:${input.lineOf(Problems.jsonPointer(p.path))}: ${p.field}: ${say(p.message, lang)}`)
    }
    return undefined
  }
  return { items: DatasetSubjects.of(decoded.valid[0]!), label: bi(input.name, input.name) }
}

export const impact = (io: Io, base: string | undefined, head: string | undefined, data: string | undefined, options: { json: boolean; show: number; lang: Lang }): number => {
  if (base === undefined || head === undefined || data === undefined) {
    throw new UsageError(bi("impact needs --base DIR --head DIR --data FILE|synthetic[:YEAR[:SEED]]", "impact trenger --base MAPPE --head MAPPE --data FIL|synthetic[:ÅR[:FRØ]]"))
  }
  const lang = options.lang
  const a = load(io, base, lang)
  const b = load(io, head, lang)
  if (a === undefined || b === undefined) return 1
  const input = itemsOf(io, data, b, lang)
  if (input === undefined) return 1
  const result = Impact.compare(a, b, input.items)
  if (options.json) {
    io.stdout(JSON.stringify(result, null, 2))
    return 0
  }
  const out = (m: { en: string; nb: string }, indent = "") => io.stdout(say(m, lang, indent))
  out(bi("Policy impact", "Virkning av regelendringen"))
  out(bi(`base: ${shown(io, base)} (${a.rules.length} rules)`, `grunnlag: ${shown(io, base)} (${a.rules.length} regler)`), "  ")
  out(bi(`head: ${shown(io, head)} (${b.rules.length} rules)`, `ny: ${shown(io, head)} (${b.rules.length} regler)`), "  ")
  out(bi(`data: ${input.label.en}`, `data: ${input.label.nb}`), "  ")
  out(bi(`${result.subjects} subjects, ${result.decisions.base} decisions under base, ${result.decisions.head} under head`, `${result.subjects} situasjoner, ${result.decisions.base} avgjørelser med grunnlaget, ${result.decisions.head} med det nye`), "  ")
  out(bi(`Changed decisions: ${result.changes.length}`, `Endrede avgjørelser: ${result.changes.length}`))
  for (const r of result.byRule) io.stdout(`  ${String(r.count).padStart(6)}  ${r.rule}: ${r.from} → ${r.to}`)
  if (result.changes.length > 0 && options.show > 0) {
    const shownCount = Math.min(options.show, result.changes.length)
    out(bi(`Examples (${shownCount} of ${result.changes.length}):`, `Eksempler (${shownCount} av ${result.changes.length}):`))
    for (const c of result.changes.slice(0, options.show)) io.stdout(`  ${c.date}  ${c.key}  ${c.rule}: ${c.before} → ${c.after}`)
  }
  return 0
}
