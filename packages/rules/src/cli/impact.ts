// `aktivitet-rules impact`: how many decisions change between two trees over a data set.
//
// Items are compared a chunk at a time and only the totals and the first
// `--show` examples are kept, so memory does not grow with the data; with
// `--jsonl` each changed decision is written as a JSON line as its chunk is
// compared, then one summary line. Only `--json` (one JSON document) holds every change.
import { Batch, Dataset, IsoDate, Problems } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { type Item, type Skipped, of as subjectsOfDataset } from "../DatasetSubjects.js"
import { type Change, comparer } from "../Impact.js"
import { policy } from "../InForce.js"
import type { AttendanceColumns } from "../internal/attendanceColumns.js"
import { chunkSize } from "../internal/impactCodes.js"
import { shortLine } from "../internal/text.js"
import { yearSubjects } from "../internal/yearSubjects.js"
import { yearTake } from "../internal/yearTake.js"
import type { Tree } from "../PolicyTree.js"
import { decode } from "../Subject.js"
import { type Io, isJsonLines, jsonLine, type OutputLang, openStream, readJson, say, shown, UsageError } from "./io.js"
import { lines } from "./lines.js"
import { loadAtRevision, loadOrReport } from "./load.js"
import { parseLine, report } from "./subjects.js"

export interface ImpactOptions {
  readonly base: string | undefined
  /** A git revision: the base is the head folder as committed there. */
  readonly from?: string | undefined
  readonly head: string | undefined
  readonly data: string | undefined
  readonly json: boolean
  readonly jsonl: boolean
  readonly show: number
  readonly lang: OutputLang
}

const syntheticSpec = /^synthetic(?::(\d{4}))?(?::(\d+))?$/u

const field = (o: unknown, key: string): unknown =>
  typeof o === "object" && o !== null && !Array.isArray(o) && Object.hasOwn(o, key)
    ? (o as Record<string, unknown>)[key]
    : undefined

const needs = {
  nb: "Hvert element trenger «date» på formen ÅÅÅÅ-MM-DD og «subject»",
  en: 'Each item needs "date" as YYYY-MM-DD and "subject"',
}

/** One { key?, date, subject } item, or undefined after reporting its problems at `pointerBase`. */
const itemOf = (
  io: Io,
  tree: Tree,
  raw: unknown,
  fallbackKey: string,
  where: { name: string; lineOf: (pointer: string) => number; pointer: string },
  lang: OutputLang,
): Item | undefined => {
  const date = field(raw, "date")
  const s = decode(field(raw, "subject"), tree.catalogue)
  const dateOk = typeof date === "string" && IsoDate.isIsoDate(date)
  if (!dateOk) report(io, where.name, where.lineOf(where.pointer), needs, lang)
  if (!s.ok)
    for (const p of s.problems)
      report(io, where.name, where.lineOf(`${where.pointer}/subject${p.pointer}`), p.message, lang)
  if (!s.ok || !dateOk) return undefined
  const key = field(raw, "key")
  return { key: typeof key === "string" ? key : fallbackKey, date: date as string, subject: s.subject }
}

type Source = {
  readonly items: Iterable<Item> | AsyncIterable<Item>
  readonly label: { en: string; nb: string }
  readonly bad: { count: number }
}

/**
 * The items to evaluate: the synthetic year, a Dataset file, a JSON list of
 * items, or JSON Lines of items. Items' subjects are read against `tree`
 * (the head's catalogue). A year of records happened under the base policy:
 * the synthetic year is made with it and its subjects derived with it, so
 * the data do not already follow the change being weighed.
 */
const itemsOf = (io: Io, data: string, tree: Tree, base: Tree, o: ImpactOptions): Source | undefined => {
  const bad = { count: 0 }
  const m = syntheticSpec.exec(data)
  if (m !== null) {
    const year = Number(m[1] ?? 2024)
    const seed = Number(m[2] ?? 1)
    // The generator makes years from 2000 to 2100; a seed must be a whole number it can hold exactly.
    if (year < 2000 || year > 2100)
      throw new UsageError({
        nb: "synthetic:ÅR må være et år fra 2000 til 2100",
        en: "synthetic:YEAR must be a year from 2000 to 2100",
      })
    if (!Number.isSafeInteger(seed))
      throw new UsageError({
        nb: `synthetic:ÅR:FRØ trenger et frø opp til ${Number.MAX_SAFE_INTEGER}`,
        en: `synthetic:YEAR:SEED needs a seed up to ${Number.MAX_SAFE_INTEGER}`,
      })
    return {
      items: subjectsOfDataset(generate({ policy: policy(base), seed, year }), policy(base)),
      label: { nb: `syntetisk år ${year} (frø ${seed})`, en: `synthetic year ${year} (seed ${seed})` },
      bad,
    }
  }
  if (isJsonLines(data, o.jsonl && data === "-")) {
    const { name, chunks } = openStream(io, data)
    async function* items(): AsyncGenerator<Item> {
      for await (const line of lines(chunks)) {
        const parsed = parseLine(io, name, line, o.lang)
        if (!parsed.ok) {
          if (!parsed.blank) bad.count++
          continue
        }
        const item = itemOf(
          io,
          tree,
          parsed.value,
          `line ${line.line}`,
          { name, lineOf: () => line.line, pointer: "" },
          o.lang,
        )
        if (item === undefined) bad.count++
        else yield item
      }
    }
    return { items: items(), label: { nb: name, en: name }, bad }
  }
  // A Dataset file's attendance is kept as columns, and the lists impact does not read are checked and dropped.
  // Standard input can be read only once, so it is read as records.
  const take = data === "-" ? undefined : yearTake()
  const input = readJson(io, data, take)
  if (Array.isArray(input.value)) {
    const items: Array<Item> = []
    input.value.forEach((raw: unknown, i) => {
      const item = itemOf(
        io,
        tree,
        raw,
        `item ${i}`,
        { name: input.name, lineOf: input.lineOf, pointer: `/${i}` },
        o.lang,
      )
      if (item === undefined) bad.count++
      else items.push(item)
    })
    return bad.count > 0 ? undefined : { items, label: { nb: input.name, en: input.name }, bad }
  }
  // A record the take refused is reported from the file read again as records, where it stands.
  if (take !== undefined && !take.ok()) return yearItems(io, readJson(io, data), base, o)
  return yearItems(io, input, base, o, take?.attendance())
}

// The subjects of a Dataset file, or undefined after reporting its problems.
const yearItems = (
  io: Io,
  input: ReturnType<typeof readJson>,
  base: Tree,
  o: ImpactOptions,
  attendance?: AttendanceColumns,
): Source | undefined => {
  // The value is JSON.parse's: a valid file is used as it is, not copied.
  const decoded = Batch.decode(Dataset.Dataset, [input.value], { fromJson: true })
  const rejected = decoded.rejected[0]
  if (rejected !== undefined) {
    for (const p of rejected.problems.slice(0, shownProblems)) {
      io.stderr(`${input.name}:${input.lineOf(Problems.jsonPointer(p.path))}: ${p.field}: ${say(p.message, o.lang)}`)
    }
    more(io, rejected.problems.length, o.lang)
    return undefined
  }
  // A record that names a citizen, offering or enrollment the file does not hold gives no subject: said, never dropped unseen.
  const skipped: Array<Skipped> = []
  const items = yearSubjects(decoded.valid[0]!, policy(base), (s) => skipped.push(s), attendance?.grouped())
  for (const s of skipped.slice(0, shownProblems))
    io.stderr(`${input.name}:${input.lineOf(s.pointer)}: ${fieldOf(s.pointer)}: ${say(s.message, o.lang)}`)
  more(io, skipped.length, o.lang)
  return { items, label: { nb: input.name, en: input.name }, bad: { count: skipped.length } }
}

// How many problems of a file are printed; the rest are counted.
const shownProblems = 50

const more = (io: Io, count: number, lang: OutputLang): void => {
  if (count > shownProblems)
    io.stderr(
      say(
        {
          nb: `… og ${count - shownProblems} problemer til (${count} i alt)`,
          en: `… and ${count - shownProblems} more problems (${count} in all)`,
        },
        lang,
      ),
    )
}

// "/enrollments/3/citizenId" as "enrollments[3].citizenId", as the record problems name their field.
const fieldOf = (pointer: string): string => {
  const [entity, index, key] = pointer.split("/").slice(1)
  return `${entity}[${index}].${key}`
}

// How many lines go out between waits for a slow reader.
const drainEvery = 256

// Items are compared a chunk at a time: the batch path groups a chunk by
// date, and the larger the groups the faster it goes. A list already in
// memory is one chunk; a stream is gathered into chunks, so memory stays
// bounded. Output waits for a slow reader between chunks and every few lines.
async function* chunks(items: Iterable<Item> | AsyncIterable<Item>): AsyncGenerator<ReadonlyArray<Item>> {
  if (Array.isArray(items)) {
    yield items
    return
  }
  let chunk: Array<Item> = []
  for await (const item of items) {
    chunk.push(item)
    if (chunk.length === chunkSize) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}

export const impact = async (io: Io, o: ImpactOptions): Promise<number> => {
  const { head, data } = o
  if (o.from !== undefined && o.base !== undefined)
    throw new UsageError({
      nb: "impact tar --base MAPPE eller --from REVISJON, ikke begge",
      en: "impact takes --base DIR or --from REVISION, not both",
    })
  if ((o.base === undefined && o.from === undefined) || head === undefined || data === undefined) {
    throw new UsageError({
      nb: "impact trenger --base MAPPE --head MAPPE --data FIL|synthetic[:ÅR[:FRØ]]",
      en: "impact needs --base DIR --head DIR --data FILE|synthetic[:YEAR[:SEED]]",
    })
  }
  const lang = o.lang
  const base = o.base ?? `${shown(io, head)}@${o.from}`
  const a = o.from === undefined ? loadOrReport(io, base, lang) : loadAtRevision(io, head, o.from, lang)
  if (typeof a === "number") return a
  const b = loadOrReport(io, head, lang)
  if (typeof b === "number") return b
  const input = itemsOf(io, data, b, a, o)
  if (input === undefined) return 1
  const c = comparer(a, b)
  const all: Array<Change> = []
  const examples: Array<Change> = []
  let changed = 0
  for await (const chunk of chunks(input.items)) {
    for (const change of c.addAll(chunk)) {
      changed++
      if (o.jsonl) {
        io.stdout(jsonLine(change))
        if (changed % drainEvery === 0) await io.drain?.()
      } else if (o.json) all.push(change)
      else if (examples.length < o.show) examples.push(change)
    }
    await io.drain?.()
  }
  const summary = c.summary()
  const code = input.bad.count > 0 ? 1 : 0
  if (o.jsonl) {
    io.stdout(jsonLine({ summary }))
    return code
  }
  if (o.json) {
    io.stdout(
      jsonLine({ subjects: summary.subjects, decisions: summary.decisions, changes: all, byRule: summary.byRule }, 2),
    )
    return code
  }
  const out = (m: { en: string; nb: string }, indent = "") => io.stdout(say(m, lang, indent))
  out({ nb: "Virkning av regelendringen", en: "Policy impact" })
  const baseName = o.from === undefined ? shown(io, base) : base
  out(
    { nb: `grunnlag: ${baseName} (${a.rules.length} regler)`, en: `base: ${baseName} (${a.rules.length} rules)` },
    "  ",
  )
  out(
    {
      nb: `ny: ${shown(io, head)} (${b.rules.length} regler)`,
      en: `head: ${shown(io, head)} (${b.rules.length} rules)`,
    },
    "  ",
  )
  out({ nb: `data: ${input.label.nb}`, en: `data: ${input.label.en}` }, "  ")
  out(
    {
      nb: `${summary.subjects} situasjoner, ${summary.decisions.base} avgjørelser med grunnlaget, ${summary.decisions.head} med det nye`,
      en: `${summary.subjects} subjects, ${summary.decisions.base} decisions under base, ${summary.decisions.head} under head`,
    },
    "  ",
  )
  out({ nb: `Endrede avgjørelser: ${changed}`, en: `Changed decisions: ${changed}` })
  for (const r of summary.byRule) io.stdout(`  ${String(r.count).padStart(6)}  ${r.rule}: ${r.from} → ${r.to}`)
  if (changed > 0 && o.show > 0) {
    out({ nb: `Eksempler (${examples.length} av ${changed}):`, en: `Examples (${examples.length} of ${changed}):` })
    // A key comes from the data: on one line, and short.
    for (const e of examples) io.stdout(`  ${e.date}  ${shortLine(e.key, 120)}  ${e.rule}: ${e.before} → ${e.after}`)
  }
  return code
}
