/**
 * Decision receipts: what a decision rested on — the SHA-256 of each rule and
 * parameter file, the rule versions and their periods, each parameter value
 * with the day it took effect, the seed citation, and every condition with
 * its fact value and result — so that it can be replayed against a later
 * policy tree. {@link replay} re-decides the receipt's question and says
 * "same", or exactly what changed. Receipts are plain JSON;
 * `Decision.decide(tree, subject, date, { receipt: true })` makes one.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { IsoDate } from "@aktivitetsmodell/core"
import { decide } from "./Decision.js"
import type { Value } from "./Facts.js"
import { show } from "./Impact.js"
import { guard, requireObject, requireTree } from "./internal/boundary.js"
import { child } from "./internal/pointer.js"
import { isObject, type Json, type JsonObject, Reader } from "./internal/read.js"
import type { Receipt, ReceiptCondition, ReceiptDecision } from "./internal/receipt.js"
import { bi, shortLine } from "./internal/text.js"
import type { Outcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import { decode as decodeSubject, type SubjectProblem } from "./Subject.js"

export type { Receipt, ReceiptCondition, ReceiptDecision, ReceiptParameter } from "./internal/receipt.js"

/**
 * What a receipt's question gets now that it did not get then.
 * @category models
 */
export type Change =
  | { readonly kind: "outcome"; readonly rule: string; readonly before: string; readonly after: string }
  | { readonly kind: "version"; readonly rule: string; readonly before?: number; readonly after?: number }
  | { readonly kind: "condition"; readonly rule: string; readonly pointer: string; readonly before?: ReceiptCondition; readonly after?: ReceiptCondition }
  | { readonly kind: "parameter"; readonly name: string; readonly before?: { readonly value: number | string; readonly from: string }; readonly after?: { readonly value: number | string; readonly from: string } }
  | { readonly kind: "file"; readonly file: string; readonly before?: string; readonly after?: string }
  | { readonly kind: "summary"; readonly question: string; readonly before: string; readonly after: string }

/**
 * The result of a replay: `same` when nothing differs, else every change.
 * @category models
 */
export interface Replay {
  readonly same: boolean
  readonly changes: ReadonlyArray<Change>
  /** The receipt the question gets now. */
  readonly now: Receipt
}

// ---------------------------------------------------------------------------
// Decoding a receipt read from a file: not trusted, every problem reported.
// ---------------------------------------------------------------------------

const isValue = (u: unknown): u is Value => {
  const scalar = (x: unknown) => x === null || typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x))
  return scalar(u) || (Array.isArray(u) && u.every(scalar))
}

const readOutcome = (r: Reader, u: unknown, pointer: string): Outcome | undefined => {
  const o = r.object(u, pointer, ["type"], ["params"])
  if (o === undefined || !Object.hasOwn(o, "type")) return undefined
  const type = r.string(o["type"], `${pointer}/type`)
  if (!Object.hasOwn(o, "params")) return type === undefined ? undefined : { type }
  const raw = o["params"]
  const p = r.object(raw, `${pointer}/params`, [], isObject(raw) ? Object.keys(raw) : [])
  const params: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [k, v] of Object.entries(p ?? {})) {
    const s = r.string(v, child(`${pointer}/params`, k))
    if (s !== undefined) params[k] = s
  }
  return type === undefined ? undefined : { type, params }
}

const readNumberOrText = (r: Reader, u: unknown, pointer: string): number | string | undefined => {
  if (typeof u === "string" || (typeof u === "number" && Number.isFinite(u))) return u
  r.expected(pointer, bi("a number or a text", "et tall eller en tekst"), u)
  return undefined
}

const readList = <A>(r: Reader, o: JsonObject, key: string, pointer: string, item: (u: Json, at: string) => A | undefined): Array<A> => {
  // Keys here are this module's own words, so pointers are built as plain text (fast for large receipts).
  const list = Object.hasOwn(o, key) ? r.array(o[key], `${pointer}/${key}`) : undefined
  return (list ?? []).flatMap((u, i) => {
    const a = item(u, `${pointer}/${key}/${i}`)
    return a === undefined ? [] : [a]
  })
}

const readCondition = (r: Reader, u: unknown, at: string): ReceiptCondition | undefined => {
  const c = r.object(u, at, ["pointer", "fact", "value", "operator", "against", "result"], ["unknown"])
  if (c === undefined) return undefined
  const pointer = r.string(c["pointer"], `${at}/pointer`)
  const fact = r.string(c["fact"], `${at}/fact`)
  const operator = r.string(c["operator"], `${at}/operator`)
  if (!isValue(c["value"])) r.expected(`${at}/value`, bi("a value", "en verdi"), c["value"])
  if (!isValue(c["against"])) r.expected(`${at}/against`, bi("a value", "en verdi"), c["against"])
  if (typeof c["result"] !== "boolean") r.expected(`${at}/result`, bi("true or false", "sann eller usann"), c["result"])
  if (pointer === undefined || fact === undefined || operator === undefined || !isValue(c["value"]) || !isValue(c["against"]) || typeof c["result"] !== "boolean") return undefined
  return { pointer, fact, value: c["value"], operator, against: c["against"], result: c["result"], ...(c["unknown"] === true ? { unknown: true as const } : {}) }
}

const readDecision = (r: Reader, u: unknown, at: string): ReceiptDecision | undefined => {
  const d = r.object(u, at, ["rule", "file", "version", "effective", "outcome", "branch", "source", "parameters", "conditions"], [])
  if (d === undefined) return undefined
  const rule = r.string(d["rule"], `${at}/rule`)
  const file = r.string(d["file"], `${at}/file`)
  const version = d["version"]
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) r.expected(`${at}/version`, bi("a version number", "et versjonsnummer"), version)
  const outcome = readOutcome(r, d["outcome"], `${at}/outcome`)
  const branch = d["branch"]
  if (branch !== "event" && branch !== "otherwise" && branch !== "unknown") r.expected(`${at}/branch`, bi('"event", "otherwise" or "unknown"', "«event», «otherwise» eller «unknown»"), branch)
  const eff = r.object(d["effective"], `${at}/effective`, ["from"], ["to"])
  const from = eff === undefined || !Object.hasOwn(eff, "from") ? undefined : r.date(eff["from"], `${at}/effective/from`)
  const to = eff !== undefined && Object.hasOwn(eff, "to") ? r.date(eff["to"], `${at}/effective/to`) : undefined
  const parameters = readList(r, d, "parameters", at, (p, pat) => {
    const o = r.object(p, pat, ["name", "value", "from", "file"], [])
    if (o === undefined) return undefined
    const name = r.string(o["name"], `${pat}/name`)
    const value = readNumberOrText(r, o["value"], `${pat}/value`)
    const pfrom = r.date(o["from"], `${pat}/from`)
    const pfile = r.string(o["file"], `${pat}/file`)
    return name === undefined || value === undefined || pfrom === undefined || pfile === undefined ? undefined : { name, value, from: pfrom, file: pfile }
  })
  const conditions = readList(r, d, "conditions", at, (c, cat) => readCondition(r, c, cat))
  if (rule === undefined || file === undefined || typeof version !== "number" || outcome === undefined || from === undefined) return undefined
  if (branch !== "event" && branch !== "otherwise" && branch !== "unknown") return undefined
  return { rule, file, version, effective: { from, ...(to === undefined ? {} : { to }) }, outcome, branch, source: isObject(d["source"]) ? (d["source"] as ReceiptDecision["source"]) : {}, parameters, conditions }
}

/**
 * Decodes a receipt read from a file. Every problem comes back with a JSON
 * pointer, in both languages; the subject is checked against `catalogue`.
 * @example
 * const r = Receipt.decode(JSON.parse(text), tree.catalogue)
 * if (r.ok) Receipt.replay(tree, r.receipt).same
 * @category constructors
 */
export const decode = guard(
  "Receipt.decode",
  bi("(input: unknown, catalogue: Catalogue)", "(input: unknown, catalogue: Catalogue)"),
  (input: unknown, catalogue: Parameters<typeof decodeSubject>[1]): { readonly ok: true; readonly receipt: Receipt } | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
    requireObject("Receipt.decode", "catalogue", catalogue)
    const r = new Reader()
    const o = r.object(input, "", ["receipt", "date", "subject", "summary", "decisions", "notApplicable", "files"], [])
    if (o === undefined) return { ok: false, problems: r.findings.map((f) => ({ pointer: f.pointer, message: f.message })) }
    if (o["receipt"] !== 1) r.error("/receipt", "shape", "Expected 1: this program reads receipts of format 1", "Forventet 1: dette programmet leser kvitteringer av format 1")
    const date = Object.hasOwn(o, "date") ? r.date(o["date"], "/date") : undefined
    // A missing key has been reported; only what is there is checked further.
    const subject = Object.hasOwn(o, "subject") ? decodeSubject(o["subject"], catalogue) : undefined
    if (subject !== undefined && !subject.ok) for (const p of subject.problems) r.error(`/subject${p.pointer}`, "case-subject", p.message.en, p.message.nb)
    if (Object.hasOwn(o, "summary") && !isObject(o["summary"])) r.expected("/summary", bi("an object", "et objekt"), o["summary"])
    const decisions = readList(r, o, "decisions", "", (d, at) => readDecision(r, d, at))
    const notApplicable = readList(r, o, "notApplicable", "", (u, at) => {
      const n = r.object(u, at, ["rule", "version"], [])
      const rule = n === undefined ? undefined : r.string(n["rule"], `${at}/rule`)
      const version = n?.["version"]
      if (n !== undefined && typeof version !== "number") r.expected(`${at}/version`, bi("a version number", "et versjonsnummer"), version)
      return rule === undefined || typeof version !== "number" ? undefined : { rule, version }
    })
    const files = readList(r, o, "files", "", (u, at) => {
      const f = r.object(u, at, ["file", "sha256"], [])
      const file = f === undefined ? undefined : r.string(f["file"], `${at}/file`)
      const hash = f?.["sha256"]
      if (f !== undefined && (typeof hash !== "string" || !/^(?:[0-9a-f]{64})?$/u.test(hash))) r.expected(child(at, "sha256"), bi("64 hexadecimal characters", "64 heksadesimale tegn"), hash)
      return file === undefined || typeof hash !== "string" ? undefined : { file, sha256: hash }
    })
    if (r.findings.some((f) => f.severity === "error") || date === undefined || subject === undefined || !subject.ok) {
      return { ok: false, problems: r.findings.map((f) => ({ pointer: f.pointer, message: f.message })) }
    }
    return { ok: true, receipt: { receipt: 1, date, subject: subject.subject, summary: o["summary"] as unknown as Receipt["summary"], decisions, notApplicable, files } }
  }
)

// ---------------------------------------------------------------------------
// Comparing two receipts of the same question.
// ---------------------------------------------------------------------------

const key = (o: Outcome | undefined): string => show(o)

const sameCondition = (a: ReceiptCondition, b: ReceiptCondition): boolean =>
  a.fact === b.fact && a.operator === b.operator && a.result === b.result && a.unknown === b.unknown && JSON.stringify(a.value) === JSON.stringify(b.value) && JSON.stringify(a.against) === JSON.stringify(b.against)

/**
 * Every difference between two receipts of the same question: outcomes,
 * rule versions, conditions, parameter values, file hashes and the summary.
 * @example
 * Receipt.compare(then, now).length // 0 when nothing changed
 * @category evaluation
 */
export const compare = guard("Receipt.compare", bi("(before: Receipt, after: Receipt)", "(before: Receipt, after: Receipt)"), (before: Receipt, after: Receipt): ReadonlyArray<Change> => {
  const changes: Array<Change> = []
  const state = (r: Receipt) => {
    const m = new Map<string, { version: number; outcome: string; decision?: ReceiptDecision }>()
    for (const d of r.decisions) m.set(d.rule, { version: d.version, outcome: key(d.outcome), decision: d })
    for (const n of r.notApplicable) m.set(n.rule, { version: n.version, outcome: "not applicable" })
    return m
  }
  const a = state(before)
  const b = state(after)
  for (const rule of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(rule)
    const y = b.get(rule)
    if (x?.version !== y?.version) changes.push({ kind: "version", rule, ...(x === undefined ? {} : { before: x.version }), ...(y === undefined ? {} : { after: y.version }) })
    const xo = x?.outcome ?? "not in force"
    const yo = y?.outcome ?? "not in force"
    if (xo !== yo) changes.push({ kind: "outcome", rule, before: xo, after: yo })
    const xc = new Map((x?.decision?.conditions ?? []).map((c) => [c.pointer, c]))
    const yc = new Map((y?.decision?.conditions ?? []).map((c) => [c.pointer, c]))
    for (const pointer of [...new Set([...xc.keys(), ...yc.keys()])]) {
      const p = xc.get(pointer)
      const q = yc.get(pointer)
      if (p !== undefined && q !== undefined && sameCondition(p, q)) continue
      changes.push({ kind: "condition", rule, pointer, ...(p === undefined ? {} : { before: p }), ...(q === undefined ? {} : { after: q }) })
    }
  }
  const params = (r: Receipt) => {
    const m = new Map<string, { value: number | string; from: string }>()
    for (const d of r.decisions) for (const p of d.parameters) m.set(p.name, { value: p.value, from: p.from })
    return m
  }
  const pa = params(before)
  const pb = params(after)
  for (const name of [...new Set([...pa.keys(), ...pb.keys()])].sort()) {
    const x = pa.get(name)
    const y = pb.get(name)
    if (x?.value === y?.value && x?.from === y?.from) continue
    changes.push({ kind: "parameter", name, ...(x === undefined ? {} : { before: x }), ...(y === undefined ? {} : { after: y }) })
  }
  const fa = new Map(before.files.map((f) => [f.file, f.sha256]))
  const fb = new Map(after.files.map((f) => [f.file, f.sha256]))
  for (const file of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
    const x = fa.get(file)
    const y = fb.get(file)
    if (x !== y) changes.push({ kind: "file", file, ...(x === undefined ? {} : { before: x }), ...(y === undefined ? {} : { after: y }) })
  }
  const summaryOf = (s: unknown): Map<string, string> => {
    const m = new Map<string, string>()
    const o = isObject(s) ? s : {}
    for (const q of ["eligibility", "duration", "extension"]) m.set(q, Object.hasOwn(o, q) ? JSON.stringify(o[q]) : "—")
    m.set("escalations", Object.hasOwn(o, "escalations") ? JSON.stringify(o["escalations"]) : "[]")
    return m
  }
  const sa = summaryOf(before.summary)
  const sb = summaryOf(after.summary)
  for (const [q, x] of sa) if (sb.get(q) !== x) changes.push({ kind: "summary", question: q, before: x, after: sb.get(q)! })
  return changes
})

/**
 * Re-decides a receipt's question against `tree` and compares.
 * @example
 * const { receipt } = Decision.decide(tree, subject, "2024-06-01", { receipt: true })
 * Receipt.replay(laterTree, receipt).same
 * @category evaluation
 */
export const replay = guard("Receipt.replay", bi("(tree: Tree, receipt: Receipt)", "(tree: Tree, receipt: Receipt)"), (tree: Tree, receipt: Receipt): Replay => {
  requireTree("Receipt.replay", tree)
  if (!IsoDate.isIsoDate(receipt.date)) throw new TypeError("not a receipt")
  const now = decide(tree, receipt.subject, receipt.date, { receipt: true }).receipt
  const changes = compare(receipt, now)
  return { same: changes.length === 0, changes, now }
})

// ---------------------------------------------------------------------------
// Changes in plain words.
// ---------------------------------------------------------------------------

const text = (v: unknown): string => shortLine(typeof v === "string" ? v : JSON.stringify(v) ?? String(v), 80)
const truth = (b: boolean) => bi(b ? "true" : "false", b ? "sann" : "usann")
const condition = (c: ReceiptCondition | undefined): Bilingual => {
  if (c === undefined) return bi("(no such condition)", "(ingen slik betingelse)")
  const head = `${text(c.fact)} (${text(c.value)}) ${text(c.operator)} ${text(c.against)}`
  const t = c.unknown === true ? bi("unknown", "ukjent") : truth(c.result)
  return bi(`${head}: ${t.en}`, `${head}: ${t.nb}`)
}
const sha = (h: string | undefined) => (h === undefined ? bi("(not in the tree)", "(ikke i treet)") : bi(h === "" ? "(no hash)" : `${h.slice(0, 12)}…`, h === "" ? "(ingen hash)" : `${h.slice(0, 12)}…`))
const param = (p: { value: number | string; from: string } | undefined) => (p === undefined ? bi("(not used)", "(ikke brukt)") : bi(`${text(p.value)} from ${p.from}`, `${text(p.value)} fra ${p.from}`))
const questions: Readonly<Record<string, Bilingual>> = {
  eligibility: bi("taking part", "deltagelse"),
  duration: bi("duration", "varighet"),
  extension: bi("extension", "forlengelse"),
  escalations: bi("escalations", "eskaleringer")
}

/**
 * One change as a line, in English and bokmål.
 * @example
 * Receipt.describe({ kind: "outcome", rule: "eligibility/adults-only", before: "not-eligible", after: "eligible" }).nb
 * // "eligibility/adults-only: utfall not-eligible → eligible"
 * @category constructors
 */
export const describe = guard("Receipt.describe", bi("(change: Change)", "(change: Change)"), (c: Change): Bilingual => {
  switch (c.kind) {
    case "outcome":
      return bi(`${text(c.rule)}: outcome ${text(c.before)} → ${text(c.after)}`, `${text(c.rule)}: utfall ${text(c.before)} → ${text(c.after)}`)
    case "version": {
      const v = (n: number | undefined, none: string) => (n === undefined ? none : String(n))
      return bi(`${text(c.rule)}: version ${v(c.before, "(not in force)")} → ${v(c.after, "(not in force)")}`, `${text(c.rule)}: versjon ${v(c.before, "(gjelder ikke)")} → ${v(c.after, "(gjelder ikke)")}`)
    }
    case "condition": {
      const x = condition(c.before)
      const y = condition(c.after)
      return bi(`${text(c.rule)} ${text(c.pointer)}: ${x.en} → ${y.en}`, `${text(c.rule)} ${text(c.pointer)}: ${x.nb} → ${y.nb}`)
    }
    case "parameter": {
      const x = param(c.before)
      const y = param(c.after)
      return bi(`parameter ${text(c.name)}: ${x.en} → ${y.en}`, `parameter ${text(c.name)}: ${x.nb} → ${y.nb}`)
    }
    case "file": {
      const x = sha(c.before)
      const y = sha(c.after)
      return bi(`file ${text(c.file)}: sha256 ${x.en} → ${y.en}`, `fil ${text(c.file)}: sha256 ${x.nb} → ${y.nb}`)
    }
    case "summary": {
      const q = Object.hasOwn(questions, c.question) ? questions[c.question]! : bi(c.question, c.question)
      return bi(`summary, ${q.en}: ${text(c.before)} → ${text(c.after)}`, `oppsummering, ${q.nb}: ${text(c.before)} → ${text(c.after)}`)
    }
  }
})
