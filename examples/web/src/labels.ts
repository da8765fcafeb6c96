// Norwegian (bokmål) labels for the catalogue's codes. The page speaks to
// caseworkers, so every code the catalogue carries gets a plain label here.
import type { Offering, Policy } from "@aktivitetsmodell/core"

type OfferingT = Offering.Offering

export const access: Record<OfferingT["access"], string> = {
  open: "Åpent, uten påmelding",
  referral: "Henvisning fra behandler",
  intake: "Inntak med påmelding til kontaktperson",
  application: "Søknad",
  "binding-registration": "Bindende påmelding i forkant",
  "individual-decision": "Enkeltvedtak",
}

export const audience: Record<OfferingT["audience"], string> = {
  unit: "Innbyggere som får hjelp fra Mestringsenheten",
  "unit-or-healthy-life-centre": "Innbyggere som får hjelp fra Mestringsenheten eller frisklivssentralen",
  "own-department": "Avdelingens egne innbyggere",
}

export const frequency: Record<OfferingT["schedule"]["frequency"], string> = {
  weekly: "Ukentlig, faste tider",
  "monthly-cohort": "Ny gruppe starter hver måned",
  "per-plan": "Etter oppsatt plan",
  course: "Kurs",
  ongoing: "Løpende",
  occasional: "Sporadisk",
}

export const partners: Record<OfferingT["operator"]["partners"][number], string> = {
  students: "studenter",
  "blue-cross": "Blå Kors",
  "peer-support-workers": "erfaringskonsulenter",
}

/** An offering's limits (from the policy) and how it ends (from the catalogue) as one Norwegian sentence, or "Ingen faste grenser". */
export function limits(l: Policy.Limits & { readonly endsWhen?: OfferingT["endsWhen"] }): string {
  const parts: Array<string> = []
  if (l.weeks !== undefined) parts.push(`${l.weeks} uker`)
  if (l.sessions !== undefined) parts.push(`${l.sessions} samlinger`)
  if (l.sessionsPerWeek !== undefined) parts.push(`inntil ${l.sessionsPerWeek} økter per uke`)
  if (l.extensions !== undefined) parts.push(`inntil ${l.extensions} forlengelse${l.extensions === 1 ? "" : "r"}`)
  if (l.endsWhen === "activity-started") parts.push("varer til innbyggeren har startet en aktivitet")
  if (l.endsWhen === "no-longer-needed") parts.push("varer så lenge innbyggeren ønsker eller trenger det")
  if (parts.length === 0) return "Ingen faste grenser"
  const sentence = parts.join(", ")
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

const date = (iso: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString("nb-NO", { day: "numeric", month: "long", year: "numeric" })

export function status(s: OfferingT["status"], transitionEnd: string | undefined): string {
  switch (s.kind) {
    case "active":
      return "Aktivt"
    case "transferred":
      return `Overført til aktivitetsteamet ${date(s.effective)}`
    case "discontinued":
      return transitionEnd === undefined ? "Avviklet" : `Avviklet; overgangsperiode til ${date(transitionEnd)}`
  }
}

export const number = (n: number) => n.toLocaleString("nb-NO")

/** What a cell says where an indicator does not apply, such as completion in open groups. */
export const notApplicable = "ikke relevant"

/** Participants as the analytics count them, named so that no one compares them with citizens enrolled. */
export const participantsDefined = "Deltakere (møtt minst én gang)"
export const percent = (x: number) => `${(x * 100).toLocaleString("nb-NO", { maximumFractionDigits: 0 })} %`
