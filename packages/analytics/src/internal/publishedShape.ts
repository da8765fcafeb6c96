// The shape check of a published table a caller hands back (to Export),
// apart from shapes.ts: a published table's type comes from the privacy
// modules, which themselves use the other shape checks. It gives back the
// checked fields as a value of its own.
import { IsoDate } from "@aktivitetsmodell/core"
import { requireProfile } from "../privacy/Profile.js"
import type { HiddenState, Published } from "../privacy/Publication.js"
import type { Period } from "../tables/types.js"
import {
  isRecord,
  reject,
  requireArray,
  requireBooleans,
  requireFinite,
  requireRecord,
  requireRule,
  requireTable,
} from "./checks.js"
import { requireBy } from "./dimensionList.js"
import { requireIndicator } from "./shapes.js"

/**
 * A published table as Publish.publish makes it. What is given back is a
 * new object of the fields, each read once and checked: use it, not the
 * caller's object, where a getter could answer a second read differently.
 */
export const requirePublished = (name: string, u: unknown): Published => {
  const p = requireRecord(name, "the published table", u)
  const indicator = requireIndicator(name, p.indicator)
  const by = requireBy(name, p.by)
  const table = requireTable(name, "published.table", p.table)
  const given = requireRecord(name, "published.hidden", p.hidden)
  const hidden = {
    primary: requireFinite(name, "published.hidden.primary", given.primary),
    secondary: requireFinite(name, "published.hidden.secondary", given.secondary),
  }
  const margins = p.margins
  if (typeof margins !== "boolean")
    reject(name, { nb: "published.margins må være true eller false", en: "published.margins must be true or false" })
  const rule = requireRule(name, p.rule)
  const profile = requireProfile(name, p.profile)
  const period = requirePeriod(name, p.period)
  const columns = indicator.measures.map((m) => m.column)
  const states = Array.from(requireArray(name, "published.states", p.states), (row) =>
    requireStates(name, row, columns),
  )
  if (states.length !== table.numRows())
    reject(name, {
      nb: "published.states må ha ett objekt med skjulte celler per rad i tabellen",
      en: "published.states must hold one object of hidden cells per row of the table",
    })
  const notApplicable =
    p.notApplicable === undefined ? undefined : requireBooleans(name, "published.notApplicable", p.notApplicable)
  return {
    indicator,
    by,
    margins: margins as boolean,
    rule,
    profile,
    period,
    table,
    states,
    hidden,
    ...(notApplicable === undefined ? {} : { notApplicable }),
  }
}

// The period a publication covers, or null: two dates, each read once.
const requirePeriod = (name: string, u: unknown): Period | null => {
  if (u === null) return null
  const given = requireRecord(name, "published.period", u)
  const from = given.from
  const to = given.to
  if (!IsoDate.isIsoDate(from) || !IsoDate.isIsoDate(to) || from > to)
    reject(name, {
      nb: "published.period må være null eller { from, to } som ÅÅÅÅ-MM-DD, den første ikke etter den andre",
      en: "published.period must be null or { from, to } as YYYY-MM-DD, the first not after the second",
    })
  return { from: from as string, to: to as string }
}

const hiddenStates: ReadonlyArray<unknown> = ["primary", "secondary"] satisfies ReadonlyArray<HiddenState>

// A row's hidden cells, copied: only the measures' columns, each "primary" or "secondary".
// The values go out as they stand in the JSON, the Arrow metadata and the long table.
const requireStates = (
  name: string,
  u: unknown,
  columns: ReadonlyArray<string>,
): Readonly<Record<string, HiddenState>> => {
  const out: Record<string, HiddenState> = {}
  let ok = isRecord(u)
  if (ok)
    for (const k of Object.keys(u as object)) {
      const state = (u as Record<string, unknown>)[k]
      ok = columns.includes(k) && hiddenStates.includes(state)
      if (!ok) break
      out[k] = state as HiddenState
    }
  if (!ok)
    reject(name, {
      nb: "published.states må ha ett objekt per rad der hver nøkkel er et mål og hver verdi primary eller secondary",
      en: "published.states must hold one object per row whose keys are measures and whose values are primary or secondary",
    })
  return out
}
