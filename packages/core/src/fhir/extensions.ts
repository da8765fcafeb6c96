// The model's extensions: one URL each, and small builders and readers so the
// mapping files read as field lists. Complex extensions (status, source
// …) nest sub-extensions named by a plain key, as FHIR's own complex
// extensions do.
import { extensionUrl, HL7 } from "./canonical.js"
import type { Coding, Extension, Period, PrimitiveExtensions, Reference } from "./types.js"

/** Every extension the export writes, by short name. */
export const EXT = {
  offering: extensionUrl("offering"),
  enrollment: extensionUrl("enrollment"),
  citizenDepartment: extensionUrl("citizen-department"),
  healthyLifeCentre: extensionUrl("healthy-life-centre"),
  pathway: extensionUrl("pathway"),
  organisation: extensionUrl("organisation"),
  operatorTeam: extensionUrl("operator-team"),
  partner: extensionUrl("partner"),
  schedule: extensionUrl("schedule"),
  endsWhen: extensionUrl("ends-when"),
  price: extensionUrl("price"),
  continuation: extensionUrl("continuation"),
  offeringStatus: extensionUrl("offering-status"),
  source: extensionUrl("source"),
  teamMember: extensionUrl("team-member"),
  cohort: extensionUrl("cohort"),
  closedOn: extensionUrl("closed-on"),
  enrollmentStatus: extensionUrl("enrollment-status"),
  attendanceStatus: extensionUrl("attendance-status"),
  students: extensionUrl("students"),
  volunteers: extensionUrl("volunteers"),
  newEnd: extensionUrl("new-end"),
  fromOffering: extensionUrl("from-offering"),
  destination: extensionUrl("destination"),
  transitionKind: extensionUrl("transition-kind"),
  title: extensionUrl("title"),
  proposedByDepartment: extensionUrl("proposed-by-department"),
  category: extensionUrl("category"),
  requested: extensionUrl("requested"),
  decision: extensionUrl("decision"),
  escalation: extensionUrl("escalation"),
  period: extensionUrl("period"),
  share: extensionUrl("share-percent"),
  contributionForm: extensionUrl("contribution-form"),
  staff: extensionUrl("staff"),
  feedbackSource: extensionUrl("feedback-source"),
  theme: extensionUrl("theme"),
  rating: extensionUrl("rating"),
  comment: extensionUrl("comment"),
  datasetYear: extensionUrl("dataset-year"),
  pseudonymSystem: extensionUrl("pseudonym-system"),
} as const

type Value = Omit<Extension, "url" | "extension">

/** An extension, or nothing when the value is absent. */
export const ext = (url: string, value: Value | undefined): Array<Extension> =>
  value === undefined ? [] : [{ url, ...value }]

export const str = (url: string, v: string | undefined) => ext(url, v === undefined ? undefined : { valueString: v })
export const date = (url: string, v: string | undefined) => ext(url, v === undefined ? undefined : { valueDate: v })
export const int = (url: string, v: number | undefined) => ext(url, v === undefined ? undefined : { valueInteger: v })
export const bool = (url: string, v: boolean | undefined) => ext(url, v === undefined ? undefined : { valueBoolean: v })
export const code = (url: string, v: Coding | undefined) => ext(url, v === undefined ? undefined : { valueCoding: v })
export const ref = (url: string, v: Reference | undefined) =>
  ext(url, v === undefined ? undefined : { valueReference: v })
export const period = (url: string, v: Period | undefined) => ext(url, v === undefined ? undefined : { valuePeriod: v })

/** A complex extension of sub-extensions; nothing when it would be empty. */
export const complex = (url: string, parts: ReadonlyArray<Extension>): Array<Extension> =>
  parts.length === 0 ? [] : [{ url, extension: [...parts] }]

/** A bokmål text's English translation, on the primitive's `_element`. */
export const translation = (en: string): PrimitiveExtensions => ({
  extension: [
    {
      url: HL7.translation,
      extension: [
        { url: "lang", valueCode: "en" },
        { url: "content", valueString: en },
      ],
    },
  ],
})
