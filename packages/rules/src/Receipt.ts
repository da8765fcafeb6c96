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
import { show } from "./Impact.js"
import { guard, requireObject, requireTree } from "./internal/boundary.js"
import { own } from "./internal/own.js"
import { type Receipt, type ReceiptCondition, type ReceiptDecision, ReceiptSchema } from "./internal/receipt.js"
import { receiptIn } from "./internal/receiptInput.js"
import { decodeShape } from "./internal/shape.js"
import { shortLine } from "./internal/text.js"
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
  | {
      readonly kind: "condition"
      readonly rule: string
      readonly pointer: string
      readonly before?: ReceiptCondition
      readonly after?: ReceiptCondition
    }
  | {
      readonly kind: "parameter"
      readonly name: string
      readonly before?: { readonly value: number | string; readonly from: string }
      readonly after?: { readonly value: number | string; readonly from: string }
    }
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

/**
 * Decodes a receipt read from a file: the receipt itself, or a decision
 * result that carries it under `receipt` (what `aktivitet-rules evaluate
 * --receipt` writes for one situation). Every problem comes back with a JSON
 * pointer into `input`, in both languages; the subject is checked against `catalogue`.
 * @example
 * const r = Receipt.decode(JSON.parse(text), tree.catalogue)
 * if (r.ok) Receipt.replay(tree, r.receipt).same
 * @category constructors
 */
export const decode = guard(
  "Receipt.decode",
  { nb: "(input: unknown, catalogue: Catalogue)", en: "(input: unknown, catalogue: Catalogue)" },
  (
    input: unknown,
    catalogue: Parameters<typeof decodeSubject>[1],
  ):
    | { readonly ok: true; readonly receipt: Receipt }
    | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
    requireObject("Receipt.decode", "catalogue", catalogue)
    const found = receiptIn(input)
    if ("list" in found) return { ok: false, problems: [{ code: "shape", pointer: "", message: found.list }] }
    const { receipt: body, at } = found
    const { value, findings } = decodeShape(ReceiptSchema, body)
    // The subject is checked against the catalogue wherever it can be read, so one pass reports all.
    const raw = own(body, "subject")
    const subject = raw === undefined ? undefined : decodeSubject(raw, catalogue)
    const problems = [
      ...findings.map((f) => ({ code: f.code, pointer: `${at}${f.pointer}`, message: f.message })),
      ...(subject === undefined || subject.ok
        ? []
        : subject.problems.map((p) => ({ ...p, pointer: `${at}/subject${p.pointer}` }))),
    ]
    if (value === undefined || subject === undefined || !subject.ok || problems.length > 0)
      return { ok: false, problems }
    return {
      ok: true,
      receipt: {
        ...value,
        subject: subject.subject,
        summary: value.summary as unknown as Receipt["summary"],
        decisions: value.decisions as ReadonlyArray<ReceiptDecision>,
      },
    }
  },
)

// ---------------------------------------------------------------------------
// Comparing two receipts of the same question.
// ---------------------------------------------------------------------------

const key = (o: Outcome | undefined): string => show(o)

const sameCondition = (a: ReceiptCondition, b: ReceiptCondition): boolean =>
  a.fact === b.fact &&
  a.operator === b.operator &&
  a.result === b.result &&
  a.unknown === b.unknown &&
  JSON.stringify(a.value) === JSON.stringify(b.value) &&
  JSON.stringify(a.against) === JSON.stringify(b.against)

/**
 * Every difference between two receipts of the same question: outcomes,
 * rule versions, conditions, parameter values, file hashes and the summary.
 * @example
 * Receipt.compare(then, now).length // 0 when nothing changed
 * @category evaluation
 */
export const compare = guard(
  "Receipt.compare",
  { nb: "(before: Receipt, after: Receipt)", en: "(before: Receipt, after: Receipt)" },
  (before: Receipt, after: Receipt): ReadonlyArray<Change> => {
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
      if (x?.version !== y?.version)
        changes.push({
          kind: "version",
          rule,
          ...(x === undefined ? {} : { before: x.version }),
          ...(y === undefined ? {} : { after: y.version }),
        })
      const xo = x?.outcome ?? "not in force"
      const yo = y?.outcome ?? "not in force"
      if (xo !== yo) changes.push({ kind: "outcome", rule, before: xo, after: yo })
      const xc = new Map((x?.decision?.conditions ?? []).map((c) => [c.pointer, c]))
      const yc = new Map((y?.decision?.conditions ?? []).map((c) => [c.pointer, c]))
      for (const pointer of [...new Set([...xc.keys(), ...yc.keys()])]) {
        const p = xc.get(pointer)
        const q = yc.get(pointer)
        if (p !== undefined && q !== undefined && sameCondition(p, q)) continue
        changes.push({
          kind: "condition",
          rule,
          pointer,
          ...(p === undefined ? {} : { before: p }),
          ...(q === undefined ? {} : { after: q }),
        })
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
      changes.push({
        kind: "parameter",
        name,
        ...(x === undefined ? {} : { before: x }),
        ...(y === undefined ? {} : { after: y }),
      })
    }
    const fa = new Map(before.files.map((f) => [f.file, f.sha256]))
    const fb = new Map(after.files.map((f) => [f.file, f.sha256]))
    for (const file of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
      const x = fa.get(file)
      const y = fb.get(file)
      if (x !== y)
        changes.push({
          kind: "file",
          file,
          ...(x === undefined ? {} : { before: x }),
          ...(y === undefined ? {} : { after: y }),
        })
    }
    const summaryOf = (s: unknown): Map<string, string> => {
      const m = new Map<string, string>()
      const o: Readonly<Record<string, unknown>> =
        typeof s === "object" && s !== null && !Array.isArray(s) ? (s as Record<string, unknown>) : {}
      for (const q of ["eligibility", "duration", "extension"])
        m.set(q, Object.hasOwn(o, q) ? JSON.stringify(o[q]) : "—")
      m.set("escalations", Object.hasOwn(o, "escalations") ? JSON.stringify(o.escalations) : "[]")
      return m
    }
    const sa = summaryOf(before.summary)
    const sb = summaryOf(after.summary)
    for (const [q, x] of sa)
      if (sb.get(q) !== x) changes.push({ kind: "summary", question: q, before: x, after: sb.get(q)! })
    return changes
  },
)

/**
 * Re-decides a receipt's question against `tree` and compares.
 * @example
 * const { receipt } = Decision.decide(tree, subject, "2024-06-01", { receipt: true })
 * Receipt.replay(laterTree, receipt).same
 * @category evaluation
 */
export const replay = guard(
  "Receipt.replay",
  { nb: "(tree: Tree, receipt: Receipt)", en: "(tree: Tree, receipt: Receipt)" },
  (tree: Tree, receipt: Receipt): Replay => {
    requireTree("Receipt.replay", tree)
    if (!IsoDate.isIsoDate(receipt.date)) throw new TypeError("not a receipt")
    const now = decide(tree, receipt.subject, receipt.date, { receipt: true }).receipt
    const changes = compare(receipt, now)
    return { same: changes.length === 0, changes, now }
  },
)

// ---------------------------------------------------------------------------
// Changes in plain words.
// ---------------------------------------------------------------------------

const text = (v: unknown): string => shortLine(typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)), 80)
const truth = (b: boolean) => ({ nb: b ? "sann" : "usann", en: b ? "true" : "false" })
const condition = (c: ReceiptCondition | undefined): Bilingual => {
  if (c === undefined) return { nb: "(ingen slik betingelse)", en: "(no such condition)" }
  const head = `${text(c.fact)} (${text(c.value)}) ${text(c.operator)} ${text(c.against)}`
  const t = c.unknown === true ? { nb: "ukjent", en: "unknown" } : truth(c.result)
  return { nb: `${head}: ${t.nb}`, en: `${head}: ${t.en}` }
}
const sha = (h: string | undefined) =>
  h === undefined
    ? { nb: "(ikke i treet)", en: "(not in the tree)" }
    : { nb: h === "" ? "(ingen hash)" : `${h.slice(0, 12)}…`, en: h === "" ? "(no hash)" : `${h.slice(0, 12)}…` }
const param = (p: { value: number | string; from: string } | undefined) =>
  p === undefined
    ? { nb: "(ikke brukt)", en: "(not used)" }
    : { nb: `${text(p.value)} fra ${p.from}`, en: `${text(p.value)} from ${p.from}` }
const questions: Readonly<Record<string, Bilingual>> = {
  eligibility: { nb: "deltagelse", en: "taking part" },
  duration: { nb: "varighet", en: "duration" },
  extension: { nb: "forlengelse", en: "extension" },
  escalations: { nb: "eskaleringer", en: "escalations" },
}

/**
 * One change as a line, in English and bokmål.
 * @example
 * Receipt.describe({ kind: "outcome", rule: "eligibility/adults-only", before: "not-eligible", after: "eligible" }).nb
 * // "eligibility/adults-only: utfall not-eligible → eligible"
 * @category constructors
 */
export const describe = guard(
  "Receipt.describe",
  { nb: "(change: Change)", en: "(change: Change)" },
  (c: Change): Bilingual => {
    switch (c.kind) {
      case "outcome":
        return {
          nb: `${text(c.rule)}: utfall ${text(c.before)} → ${text(c.after)}`,
          en: `${text(c.rule)}: outcome ${text(c.before)} → ${text(c.after)}`,
        }
      case "version": {
        const v = (n: number | undefined, none: string) => (n === undefined ? none : String(n))
        return {
          nb: `${text(c.rule)}: versjon ${v(c.before, "(gjelder ikke)")} → ${v(c.after, "(gjelder ikke)")}`,
          en: `${text(c.rule)}: version ${v(c.before, "(not in force)")} → ${v(c.after, "(not in force)")}`,
        }
      }
      case "condition": {
        const x = condition(c.before)
        const y = condition(c.after)
        return {
          nb: `${text(c.rule)} ${text(c.pointer)}: ${x.nb} → ${y.nb}`,
          en: `${text(c.rule)} ${text(c.pointer)}: ${x.en} → ${y.en}`,
        }
      }
      case "parameter": {
        const x = param(c.before)
        const y = param(c.after)
        return {
          nb: `parameter ${text(c.name)}: ${x.nb} → ${y.nb}`,
          en: `parameter ${text(c.name)}: ${x.en} → ${y.en}`,
        }
      }
      case "file": {
        const x = sha(c.before)
        const y = sha(c.after)
        return {
          nb: `fil ${text(c.file)}: sha256 ${x.nb} → ${y.nb}`,
          en: `file ${text(c.file)}: sha256 ${x.en} → ${y.en}`,
        }
      }
      case "summary": {
        const q = Object.hasOwn(questions, c.question) ? questions[c.question]! : { nb: c.question, en: c.question }
        return {
          nb: `oppsummering, ${q.nb}: ${text(c.before)} → ${text(c.after)}`,
          en: `summary, ${q.en}: ${text(c.before)} → ${text(c.after)}`,
        }
      }
    }
  },
)
