// The seed facts the invariants enforce, quoted from the source documents.
import type { SeedFact, ViolationCode } from "./Violation.js"

const S000 = "Mestringsenhetens modell for aktivitet"

const free: SeedFact = {
  document: S000,
  section: "Organisering (line 35)",
  quote: "alle tilbudene er kostnadsfrie for innbyggerne som benytter disse",
}
const departmentGroups: SeedFact = {
  document: S000,
  section: "Egne grupper i avdelingene (line 149)",
  quote: "Målgruppe er innbyggere som får hjelp fra en spesifikk avdeling. Tilbudene driftes av avdelingene.",
}
const noOtherGroups: SeedFact = {
  document: S000,
  section: "Nye tilbud i mestringsenheten (line 64)",
  quote:
    "Andre avdelinger kan ikke starte opp andre grupper utenom, med unntak av det som er beskrevet under «egne grupper i avdelingene».",
}
const transition: SeedFact = {
  document: S000,
  section: "Endringer av eksisterende tilbud (line 38)",
  quote: "Vi setter derfor en overgangsperiode på 2 måneder, fra oppstart av aktivitetsmodellen",
}
const flow: SeedFact = {
  document: S000,
  section: "Fysisk aktivitet som behandling, Saksgang (line 72)",
  quote: "Behandler sender en henvendelse til fagleder aktivitet … I dette møtet konkretiseres spesifikt mål",
}
const evaluation: SeedFact = {
  document: S000,
  section: "Fysisk aktivitet som behandling, Saksgang (line 72)",
  quote:
    "Når fysisk aktivitet som behandling er gjennomført, undersøker behandler om målet er oppnådd eller om en skal forsøke andre tiltak.",
}
const extension: SeedFact = {
  document: S000,
  section: "Fysisk aktivitet som behandling (line 96)",
  quote: "kan det vurderes å forlenge med maksimalt en periode til",
}
const limits: SeedFact = {
  document: S000,
  section: "Ulike tilbud innen fysisk aktivitet som behandling (lines 77–93)",
  quote: "4 uker, med trening inntil 2 ganger pr uke … 4 samlinger … varer 4 ganger",
}
const contribution: SeedFact = {
  document: S000,
  section: "Organisering (line 33)",
  quote: "hver avdeling bidrar med 20% ressurs inn i teamet",
}
const adults: SeedFact = {
  document: "Psykisk helsearbeid for voksne",
  section: "Psykisk helsearbeid for voksne (line 29)",
  quote: "Mestringsenheten har ansvar å vurdere, tildele og gi psykiske helsetjenester til voksne over 18 år.",
}
const integrity: SeedFact = {
  document: S000,
  section: "Modell for aktivitet (line 19)",
  quote: "Prosjektet har valgt å gruppere tilbudene i følgende kategorier",
}

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
