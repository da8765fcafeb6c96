// The seed facts the invariants enforce, quoted from the source documents.
import type { SeedFact, ViolationCode } from "./Violation.js"

// Most rules come from the model itself; one citation shape for all of them.
const model = (section: string, lines: string, quote: string): SeedFact => ({
  document: "Mestringsenhetens modell for aktivitet",
  section,
  lines,
  quote,
})

const free = model("Organisering", "35", "er alle tilbudene kostnadsfrie for innbyggerne som benytter disse")
const departmentGroups = model(
  "Egne grupper i avdelingene",
  "149",
  "Målgruppe er innbyggere som får hjelp fra en spesifikk avdeling. Tilbudene driftes av avdelingene.",
)
const noOtherGroups = model(
  "Nye tilbud i mestringsenheten",
  "64",
  "Andre avdelinger kan ikke starte opp andre grupper utenom, med unntak av det som er beskrevet under «egne grupper i avdelingene».",
)
const transition = model(
  "Endringer av eksisterende tilbud",
  "38",
  "Vi setter derfor en overgangsperiode på 2 måneder, fra oppstart av aktivitetsmodellen",
)
const flow = model(
  "Fysisk aktivitet som behandling, Saksgang",
  "72",
  "Behandler sender en henvendelse til fagleder aktivitet … I dette møtet konkretiseres spesifikt mål",
)
const evaluation = model(
  "Fysisk aktivitet som behandling, Saksgang",
  "72",
  "Når fysisk aktivitet som behandling er gjennomført, undersøker behandler om målet er oppnådd eller om en skal forsøke andre tiltak.",
)
const extension = model(
  "Fysisk aktivitet som behandling",
  "96",
  "kan det vurderes å forlenge med maksimalt en periode til",
)
const limits = model(
  "Ulike tilbud innen fysisk aktivitet som behandling",
  "77-93",
  "4 uker, med trening inntil 2 ganger pr uke … 4 samlinger … varer 4 ganger",
)
const contribution = model("Organisering", "33", "hver avdeling bidrar med 20% ressurs inn i teamet")
const adults: SeedFact = {
  document: "Psykisk helsearbeid for voksne",
  section: "Psykisk helsearbeid for voksne",
  lines: "29",
  quote: "Mestringsenheten har ansvar å vurdere, tildele og gi psykiske helsetjenester til voksne over 18 år.",
}
const integrity = model(
  "Modell for aktivitet",
  "19-20",
  "Prosjektet har valgt å gruppere tilbudene i følgende kategorier",
)

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
