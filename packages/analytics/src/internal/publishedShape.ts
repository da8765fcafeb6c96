// The shape check of a published table a caller hands back (to Export),
// apart from shapes.ts: a published table's type comes from the privacy
// modules, which themselves use the other shape checks.
import { requireProfile } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publication.js"
import { isRecord, reject, requireArray, requireFinite, requireRecord, requireTable } from "./checks.js"
import { requireBy } from "./dimensionList.js"
import { requireIndicator } from "./shapes.js"

/** A published table as Publish.publish makes it. */
export const requirePublished = (name: string, u: unknown): Published => {
  const p = requireRecord(name, "the published table", u)
  requireIndicator(name, p.indicator)
  requireBy(name, p.by)
  requireTable(name, "published.table", p.table)
  const hidden = requireRecord(name, "published.hidden", p.hidden)
  requireFinite(name, "published.hidden.primary", hidden.primary)
  requireFinite(name, "published.hidden.secondary", hidden.secondary)
  requireRecord(name, "published.rule", p.rule)
  requireProfile(name, p.profile)
  const states = requireArray(name, "published.states", p.states)
  if (!states.every(isRecord))
    reject(name, {
      nb: "published.states må ha ett objekt med skjulte celler per rad",
      en: "published.states must hold one object of hidden cells per row",
    })
  if (
    p.notApplicable !== undefined &&
    !requireArray(name, "published.notApplicable", p.notApplicable).every((b) => typeof b === "boolean")
  ) {
    reject(name, {
      nb: "published.notApplicable må ha true eller false per rad",
      en: "published.notApplicable must hold true or false per row",
    })
  }
  return u as Published
}
