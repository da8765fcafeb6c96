// The shape of a report model handed to Html.render or Markdown.render. The
// renderers escape every text in it; this check makes sure each text is one,
// so that a number or an object fails here with a message, not halfway
// through a document.
import { IsoDate } from "@aktivitetsmodell/core"
import type { Model } from "../outputs/ReportModel.js"
import { requireProfile } from "../privacy/Profile.js"
import {
  isBilingual,
  reject,
  requireArray,
  requireFinite,
  requireLang,
  requireRecord,
  requireRule,
  requireString,
} from "./checks.js"
import { requirePlan } from "./planShape.js"
import { requirePublished } from "./publishedShape.js"

const requireBilingual = (name: string, what: string, u: unknown): void => {
  if (!isBilingual(u))
    reject(name, { nb: `${what} må være { nb, en } som tekster`, en: `${what} must be { nb, en } texts` })
}
const requireTexts = (name: string, what: string, u: unknown): void => {
  if (!requireArray(name, what, u).every((s) => typeof s === "string"))
    reject(name, { nb: `${what} må være en liste med tekster`, en: `${what} must be a list of texts` })
}

const requireGrid = (name: string, what: string, u: unknown): void => {
  const g = requireRecord(name, what, u)
  requireBilingual(name, `${what}.title`, g.title)
  requireBilingual(name, `${what}.rowHeading`, g.rowHeading)
  requireTexts(name, `${what}.columns`, g.columns)
  requireArray(name, `${what}.rows`, g.rows).forEach((row, i) => {
    const r = requireRecord(name, `${what}.rows[${i}]`, row)
    requireString(name, `${what}.rows[${i}].label`, r.label)
    requireTexts(name, `${what}.rows[${i}].cells`, r.cells)
  })
  if (g.note !== null) requireBilingual(name, `${what}.note`, g.note)
}

// Every field is printed as text in every output: each must be what Provenance.make gives.
const requireProvenance = (name: string, u: unknown): void => {
  const p = requireRecord(name, "model.provenance", u)
  const period = requireRecord(name, "model.provenance.period", p.period)
  const versions = requireRecord(name, "model.provenance.versions", p.versions)
  const ok =
    (p.source === null || typeof p.source === "string") &&
    typeof p.synthetic === "boolean" &&
    IsoDate.isIsoDate(period.from) &&
    IsoDate.isIsoDate(period.to) &&
    typeof p.generatedAt === "string" &&
    !Number.isNaN(Date.parse(p.generatedAt)) &&
    Object.values(versions).every((v) => typeof v === "string") &&
    (p.policyHash === null || typeof p.policyHash === "string")
  if (!ok)
    reject(name, {
      nb: "model.provenance må være det Provenance.make gir",
      en: "model.provenance must be what Provenance.make gives",
    })
}

/** A report model as buildReport makes it (Report.model). */
export const requireModel = (name: string, u: unknown): Model => {
  const m = requireRecord(name, "the model", u)
  const lang = requireLang(name, m.lang)
  requireString(name, "model.title", m.title)
  const period = requireRecord(name, "model.period", m.period)
  if (!IsoDate.isIsoDate(period.from) || !IsoDate.isIsoDate(period.to))
    reject(name, {
      nb: "model.period må være { from, to } som ÅÅÅÅ-MM-DD",
      en: "model.period must be { from, to } as YYYY-MM-DD",
    })
  requireProvenance(name, m.provenance)
  requireArray(name, "model.headlines", m.headlines).forEach((h, i) => {
    const r = requireRecord(name, `model.headlines[${i}]`, h)
    requireBilingual(name, `model.headlines[${i}].label`, r.label)
    requireString(name, `model.headlines[${i}].value`, r.value)
  })
  requireArray(name, "model.sections", m.sections).forEach((s, i) => {
    const r = requireRecord(name, `model.sections[${i}]`, s)
    requirePublished(name, r.table)
    if (r.monthly !== null) requirePublished(name, r.monthly)
    if (r.missing !== undefined) requireBilingual(name, `model.sections[${i}].missing`, r.missing)
  })
  if (m.statistics !== null) {
    const st = requireRecord(name, "model.statistics", m.statistics)
    requireString(name, "model.statistics.chart", st.chart)
    requireArray(name, "model.statistics.grids", st.grids).forEach((g, i) => {
      requireGrid(name, `model.statistics.grids[${i}]`, g)
    })
  }
  if (m.recoveryCollege !== null)
    requireArray(name, "model.recoveryCollege", m.recoveryCollege).forEach((g, i) => {
      requireGrid(name, `model.recoveryCollege[${i}]`, g)
    })
  const plan = requirePlan(name, m.plan)
  requireRule(name, m.rule)
  requireProfile(name, m.profile)
  const hidden = requireRecord(name, "model.hidden", m.hidden)
  requireFinite(name, "model.hidden.primary", hidden.primary)
  requireFinite(name, "model.hidden.secondary", hidden.secondary)
  if (!(m.charts instanceof Map))
    reject(name, {
      nb: "model.charts må være et Map med indikator-id → diagrammer",
      en: "model.charts must be a Map of indicator id → charts",
    })
  // The language and the plan as checked (its texts masked); the rest as given.
  return { ...(u as Model), lang, plan }
}
