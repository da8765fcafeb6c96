// The seed facts the invariants enforce, quoted from the source documents.
import type { SeedFact, ViolationCode } from "./Violation.js"

// Most rules come from the model itself; one citation shape for all of them.
const model = (c: Omit<SeedFact, "document">): SeedFact => ({
  document: "Mestringsenhetens modell for aktivitet",
  ...c,
})

const free = model({
  section: "Organisering",
  lines: "35",
  quote: "er alle tilbudene kostnadsfrie for innbyggerne som benytter disse",
})
const departmentGroups = model({
  section: "Egne grupper i avdelingene",
  lines: "149",
  quote: "Målgruppe er innbyggere som får hjelp fra en spesifikk avdeling. Tilbudene driftes av avdelingene.",
})
const noOtherGroups = model({
  section: "Nye tilbud i mestringsenheten",
  lines: "64",
  quote:
    "Andre avdelinger kan ikke starte opp andre grupper utenom, med unntak av det som er beskrevet under «egne grupper i avdelingene».",
})
const transition = model({
  section: "Endringer av eksisterende tilbud",
  lines: "38",
  quote: "Vi setter derfor en overgangsperiode på 2 måneder, fra oppstart av aktivitetsmodellen",
})
const flow = model({
  section: "Fysisk aktivitet som behandling, Saksgang",
  lines: "72",
  quote: "Behandler sender en henvendelse til fagleder aktivitet … I dette møtet konkretiseres spesifikt mål",
})
const evaluation = model({
  section: "Fysisk aktivitet som behandling, Saksgang",
  lines: "72",
  quote:
    "Når fysisk aktivitet som behandling er gjennomført, undersøker behandler om målet er oppnådd eller om en skal forsøke andre tiltak.",
})
const extension = model({
  section: "Fysisk aktivitet som behandling",
  lines: "96",
  quote: "kan det vurderes å forlenge med maksimalt en periode til",
})
const limits = model({
  section: "Ulike tilbud innen fysisk aktivitet som behandling",
  lines: "77-93",
  quote: "4 uker, med trening inntil 2 ganger pr uke … 4 samlinger … varer 4 ganger",
})
const contribution = model({
  section: "Organisering",
  lines: "33",
  quote: "hver avdeling bidrar med 20% ressurs inn i teamet",
})
const adults: SeedFact = {
  document: "Psykisk helsearbeid for voksne",
  section: "Psykisk helsearbeid for voksne",
  lines: "29",
  quote: "Mestringsenheten har ansvar å vurdere, tildele og gi psykiske helsetjenester til voksne over 18 år.",
}
const integrity = model({
  section: "Modell for aktivitet",
  lines: "19-20",
  quote: "Prosjektet har valgt å gruppere tilbudene i følgende kategorier",
})

export const seedFacts: Readonly<Record<ViolationCode, SeedFact>> = {
  "offering-not-free": free,
  "department-group-not-run-by-department": departmentGroups,
  "department-runs-group-outside-own-groups": noOtherGroups,
  "department-group-foreign-citizen": departmentGroups,
  "enrollment-after-transition": transition,
  "treatment-referral-missing": flow,
  "treatment-goal-missing": flow,
  "treatment-goal-after-first-session": flow,
  "attendance-outside-period": extension,
  "too-many-extensions": extension,
  "extension-does-not-extend": extension,
  "session-limit-exceeded": limits,
  "weekly-session-limit-exceeded": limits,
  "period-longer-than-limit": limits,
  "completed-without-goal-evaluation": evaluation,
  "department-contribution-below-minimum": contribution,
  "citizen-under-minimum-age": adults,
  "unknown-reference": integrity,
  "duplicate-id": integrity,
  "unreadable-data": integrity,
}
