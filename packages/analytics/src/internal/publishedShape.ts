// The shape check of a published table a caller hands back (to Export),
// apart from shapes.ts: a published table's type comes from the privacy
// modules, which themselves use the other shape checks. It gives back the
// checked fields as a value of its own.
import { requireProfile } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publication.js"
import {
  isRecord,
  reject,
  requireArray,
  requireBooleans,
  requireFinite,
  requireRecord,
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
  const rule = requireRecord(name, "published.rule", p.rule) as unknown as Published["rule"]
  const profile = requireProfile(name, p.profile)
  const states = Array.from(requireArray(name, "published.states", p.states))
  if (!states.every(isRecord))
    reject(name, {
      nb: "published.states må ha ett objekt med skjulte celler per rad",
      en: "published.states must hold one object of hidden cells per row",
    })
  const notApplicable =
    p.notApplicable === undefined ? undefined : requireBooleans(name, "published.notApplicable", p.notApplicable)
  return {
    indicator,
    by,
    margins: p.margins as boolean,
    rule,
    profile,
    period: p.period as Published["period"],
    table,
    states: states as unknown as Published["states"],
    hidden,
    ...(notApplicable === undefined ? {} : { notApplicable }),
  }
}
