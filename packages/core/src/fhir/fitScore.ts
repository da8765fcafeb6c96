// FitScore ↔ Observation (category survey): the ORS or SRS form, its total
// as the value and the four items as components, each a score on 0–10.
// No LOINC code for ORS/SRS was found, so the code is the model's own
// fit-instrument system rather than an invented one.
import type { FitScore } from "../FitScore.js"
import { HL7 } from "./canonical.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { concept } from "./terminology.js"
import type { CodeableConcept, Quantity } from "./types.js"

const SURVEY = Object.freeze([
  Object.freeze({
    coding: Object.freeze([Object.freeze({ system: HL7.observationCategory, code: "survey", display: "Survey" })]),
  }),
]) as Array<CodeableConcept>

/** The four items of each form, in the form's order. */
export const fitItems = {
  ORS: ["ors-individual", "ors-interpersonal", "ors-social", "ors-overall"],
  SRS: ["srs-relationship", "srs-goals-topics", "srs-approach", "srs-overall"],
} as const

const score = (value: number): Quantity => ({ value, unit: "score", system: HL7.ucum, code: "{score}" })

export const fitScores = mapping<FitScore>({
  entity: "fitScores",
  resourceType: "Observation",
  write: (f, ctx) => ({
    resourceType: "Observation",
    identifier: [ctx.identifier("fitScores", f.id)],
    status: "final",
    category: SURVEY,
    code: concept("fit-instrument", f.instrument),
    subject: ctx.patient(f.citizenId),
    effectiveDateTime: f.date,
    valueQuantity: score(f.total),
    component: f.items.map((value, i) => ({
      code: concept("fit-item", fitItems[f.instrument][i]!),
      valueQuantity: score(value),
    })),
    ...(f.enrollmentId === undefined
      ? {}
      : {
          extension: [
            { url: X.EXT.enrollment, valueReference: ctx.ref("enrollments", f.enrollmentId, "EpisodeOfCare") },
          ],
        }),
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("fitScores"))
    put(record, "citizenId", r.ref(r.resource.subject, "citizens", "Observation.subject"))
    put(record, "enrollmentId", r.extensionRef(X.EXT.enrollment, "enrollments"))
    put(record, "date", r.resource.effectiveDateTime)
    const instrument = r.code(r.resource.code, "fit-instrument", "Observation.code")
    put(record, "instrument", instrument)
    put(record, "total", isObject(r.resource.valueQuantity) ? r.resource.valueQuantity.value : undefined)
    // Items are matched by their code, so a producer may list them in any order.
    const expected: ReadonlyArray<string> = instrument === "ORS" || instrument === "SRS" ? fitItems[instrument] : []
    const items: Array<unknown> = expected.map(() => undefined)
    asArray(r.resource.component).forEach((c, i) => {
      if (!isObject(c)) return
      const item = r.code(c.code, "fit-item", `Observation.component[${i}].code`)
      const at = item === undefined ? -1 : expected.indexOf(item)
      if (at >= 0) items[at] = isObject(c.valueQuantity) ? c.valueQuantity.value : undefined
      else if (item !== undefined) {
        r.problem(`Observation.component[${i}].code`, "code-unknown", {
          en: `Item ${item} does not belong to ${instrument ?? "the form"}`,
          nb: `Leddet ${item} hører ikke til ${instrument ?? "skjemaet"}`,
        })
      }
    })
    record.items = items
    return record
  },
  locations: {
    id: "Observation.identifier",
    citizenId: "Observation.subject",
    enrollmentId: "Observation.extension",
    date: "Observation.effectiveDateTime",
    instrument: "Observation.code",
    items: "Observation.component",
    total: "Observation.valueQuantity",
  },
})
