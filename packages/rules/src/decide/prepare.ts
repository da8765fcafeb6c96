// A snapshot made ready to decide from: lookups by name, what is in force
// on each date (computed once per policy period, as `InForce.on` does for a
// tree) and the words explanations use. Worked out once per snapshot.
import type { Bilingual } from "@aktivitetsmodell/core"
import { reject } from "../internal/boundary.js"
import { labelOf } from "../internal/codes.js"
import type { Epoch } from "../internal/decideOn.js"
import { changesOf, periodStart, valuesOn, versionsOn } from "../internal/epoch.js"
import type { Wording } from "../internal/explain.js"
import { own } from "../internal/own.js"
import { snapshotFormat as format } from "../internal/snapshotFormat.js"
import type { Offering, Parameter, Snapshot } from "../Snapshot.js"
import { type Check, subjectCheck } from "./subject.js"

/** A snapshot with its lookups. */
export interface Prepared {
  readonly snapshot: Snapshot
  readonly offerings: ReadonlyMap<string, Offering>
  /** Every parameter with its dating rule and dated values: core's `Policy`. */
  readonly policy: { readonly parameters: ReadonlyMap<string, Parameter> }
  readonly wording: Wording
  readonly subject: Check
  readonly changes: ReadonlyArray<string>
  readonly byStart: Map<string, Epoch<Parameter>>
}

const cache = new WeakMap<Snapshot, Prepared>()

const isSnapshot = (u: unknown): u is Snapshot => {
  const s = u as Record<string, unknown>
  return (
    typeof u === "object" &&
    u !== null &&
    s.format === format &&
    ["rules", "parameters", "offerings", "departments"].every((k) => Array.isArray(s[k])) &&
    ["categories", "facts"].every((k) => typeof s[k] === "object" && s[k] !== null)
  )
}

const build = (snapshot: Snapshot): Prepared => {
  const parameters = new Map(snapshot.parameters.map((p) => [p.name, p]))
  // A snapshot carries each source as text: `Source.format` would load the source schema.
  const texts = new Map<string, Bilingual>()
  for (const r of snapshot.rules) {
    texts.set(JSON.stringify(r.source), r.sourceText)
    for (const v of r.versions)
      if (v.source !== undefined && v.sourceText !== undefined) texts.set(JSON.stringify(v.source), v.sourceText)
  }
  const names = { offerings: snapshot.offerings, departments: snapshot.departments, categories: snapshot.categories }
  return {
    snapshot,
    offerings: new Map(snapshot.offerings.map((o) => [o.id, o])),
    policy: { parameters },
    wording: {
      offerings: snapshot.offerings,
      code: (domain, code) => labelOf(domain, code, names),
      fact: (name) => own(snapshot.facts, name),
      parameter: (name) => parameters.get(name),
      source: (s, lang) => texts.get(JSON.stringify(s))?.[lang] ?? "",
    },
    subject: subjectCheck(Object.keys(snapshot.categories)),
    changes: changesOf(snapshot.rules, parameters.values()),
    byStart: new Map(),
  }
}

/** The prepared form of `snapshot`, or an `ArgumentError` naming `name` when it is not a snapshot this version reads. */
export const prepared = (name: string, snapshot: unknown): Prepared => {
  if (!isSnapshot(snapshot)) {
    return reject(name, {
      nb: `forventet et øyeblikksbilde fra Snapshot.of (format ${format})`,
      en: `expected a snapshot from Snapshot.of (format ${format})`,
    })
  }
  let p = cache.get(snapshot)
  if (p === undefined) {
    p = build(snapshot)
    cache.set(snapshot, p)
  }
  return p
}

/** What is in force on `date` (a checked YYYY-MM-DD). */
export const epochOn = (p: Prepared, date: string): Epoch<Parameter> => {
  const from = periodStart(p.changes, date)
  let found = p.byStart.get(from)
  if (found === undefined) {
    found = {
      rules: versionsOn(p.snapshot.rules, date),
      parameters: valuesOn(p.policy.parameters.values(), date),
      offerings: p.offerings,
      policy: p.policy,
    }
    p.byStart.set(from, found)
  }
  return found
}
