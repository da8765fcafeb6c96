/**
 * The model's own code systems, with a display in bokmål and an English
 * designation for every concept: categories, statuses, access modes, goal
 * evaluation, the FIT instruments and their items, staff roles and the kinds
 * of record the exchange writes. Published as FHIR CodeSystem resources.
 *
 * @module
 */
import type { Bilingual } from "../internal/text.js"
import { codeSystemUrl } from "./canonical.js"
import type { CodeableConcept, CodeSystem, Coding } from "./types.js"

interface TermSystem {
  readonly title: Bilingual
  readonly concepts: Readonly<Record<string, Bilingual>>
}

/**
 * Every code system of the model by id, with its concepts' labels.
 * @example
 * Fhir.terms["enrollment-status"].concepts.withdrawn.nb // "Avbrutt"
 * @category models
 */
export const terms = {
  category: {
    title: { nb: "Kategori", en: "Category" },
    concepts: {
      treatment: { nb: "Fysisk aktivitet som behandling", en: "Physical activity as treatment" },
      everyday: { nb: "Hverdagsaktivitet", en: "Everyday activity" },
      participation: { nb: "Hjelp til å bli mer deltagende i samfunnet", en: "Help to take part in society" },
      department: { nb: "Egne grupper i avdelingene", en: "Departments' own groups" },
    },
  },
  "offering-status": {
    title: { nb: "Status for tilbud", en: "Offering status" },
    concepts: {
      active: { nb: "Aktivt", en: "Active" },
      transferred: { nb: "Overført", en: "Transferred" },
      discontinued: { nb: "Avviklet", en: "Discontinued" },
    },
  },
  "access-mode": {
    title: { nb: "Tilgang", en: "Access mode" },
    concepts: {
      open: { nb: "Åpent, uten påmelding", en: "Open, no registration" },
      referral: { nb: "Henvendelse fra behandler", en: "Referral from the therapist" },
      intake: { nb: "Inntak", en: "Intake" },
      application: { nb: "Søknad", en: "Application" },
      "binding-registration": { nb: "Bindende påmelding", en: "Binding registration" },
      "individual-decision": { nb: "Enkeltvedtak", en: "Individual decision" },
    },
  },
  audience: {
    title: { nb: "Målgruppe", en: "Audience" },
    concepts: {
      unit: { nb: "Innbyggere som får hjelp fra mestringsenheten", en: "Citizens who get help from the unit" },
      "unit-or-healthy-life-centre": {
        nb: "Innbyggere som får hjelp fra mestringsenheten eller frisklivssentralen",
        en: "Citizens who get help from the unit or the healthy-life centre",
      },
      "own-department": { nb: "Avdelingens egne innbyggere", en: "The department's own citizens" },
    },
  },
  "offering-format": {
    title: { nb: "Form", en: "Format" },
    concepts: { individual: { nb: "Individuelt", en: "Individual" }, group: { nb: "Gruppe", en: "Group" } },
  },
  "operator-team": {
    title: { nb: "Drives av", en: "Run by" },
    concepts: {
      "activity-team": { nb: "Aktivitetsteamet", en: "The activity team" },
      department: { nb: "Avdelingen selv", en: "The department itself" },
    },
  },
  partner: {
    title: { nb: "Samarbeidspartner", en: "Partner" },
    concepts: {
      students: { nb: "Studenter", en: "Students" },
      "blue-cross": { nb: "Blå Kors", en: "Blue Cross" },
      "peer-support-workers": { nb: "Erfaringskonsulenter", en: "Peer-support workers" },
    },
  },
  "schedule-frequency": {
    title: { nb: "Hyppighet", en: "Frequency" },
    concepts: {
      weekly: { nb: "Ukentlig", en: "Weekly" },
      "monthly-cohort": { nb: "Ny gruppe hver måned", en: "A new group every month" },
      "per-plan": { nb: "Etter oppsatt plan", en: "Per plan" },
      course: { nb: "Kurs", en: "Course" },
      ongoing: { nb: "Løpende", en: "Ongoing" },
      occasional: { nb: "Sporadisk", en: "Occasional" },
    },
  },
  "ends-when": {
    title: { nb: "Varer til", en: "Lasts until" },
    concepts: {
      "activity-started": { nb: "Til en aktivitet er startet", en: "An activity has started" },
      "no-longer-needed": { nb: "Så lenge det er ønsket eller behov", en: "It is no longer wanted or needed" },
    },
  },
  "continuation-kind": {
    title: { nb: "Videre tilbud", en: "Continuation" },
    concepts: {
      club: { nb: "Klubb eller lag", en: "Club" },
      membership: { nb: "Medlemskap", en: "Membership" },
      "community-offering": { nb: "Tilbud i nærmiljøet", en: "Community offering" },
    },
  },
  "enrollment-status": {
    title: { nb: "Status for deltagelse", en: "Enrollment status" },
    concepts: {
      ongoing: { nb: "Pågår", en: "Ongoing" },
      completed: { nb: "Fullført", en: "Completed" },
      withdrawn: { nb: "Avbrutt", en: "Withdrawn" },
    },
  },
  "attendance-status": {
    title: { nb: "Oppmøte", en: "Attendance" },
    concepts: {
      present: { nb: "Møtt", en: "Present" },
      absent: { nb: "Meldt forfall", en: "Absent with notice" },
      "no-show": { nb: "Ikke møtt, ikke meldt forfall", en: "No-show" },
    },
  },
  "goal-reached": {
    title: { nb: "Måloppnåelse", en: "Goal reached" },
    concepts: { yes: { nb: "Ja", en: "Yes" }, partly: { nb: "Delvis", en: "Partly" }, no: { nb: "Nei", en: "No" } },
  },
  "goal-decision": {
    title: { nb: "Beslutning etter evaluering", en: "Decision after evaluation" },
    concepts: {
      completed: { nb: "Avsluttes", en: "Completed" },
      extend: { nb: "Forlenges med én periode", en: "Extended by one period" },
      "other-measures": { nb: "Andre tiltak prøves", en: "Other measures are tried" },
    },
  },
  "fit-instrument": {
    title: { nb: "FIT-skjema", en: "FIT instrument" },
    concepts: {
      ORS: { nb: "ORS – skala for opplevd fungering", en: "Outcome Rating Scale (ORS)" },
      SRS: { nb: "SRS – skala for samtalen", en: "Session Rating Scale (SRS)" },
    },
  },
  "fit-item": {
    title: { nb: "FIT-ledd", en: "FIT item" },
    concepts: {
      "ors-individual": { nb: "Individuelt", en: "Individually" },
      "ors-interpersonal": { nb: "Mellommenneskelig", en: "Interpersonally" },
      "ors-social": { nb: "Sosialt", en: "Socially" },
      "ors-overall": { nb: "Generelt", en: "Overall" },
      "srs-relationship": { nb: "Relasjon", en: "Relationship" },
      "srs-goals-topics": { nb: "Mål og tema", en: "Goals and topics" },
      "srs-approach": { nb: "Tilnærming eller metode", en: "Approach or method" },
      "srs-overall": { nb: "Totalt", en: "Overall" },
    },
  },
  "staff-role": {
    title: { nb: "Rolle", en: "Role" },
    concepts: {
      "activity-lead": { nb: "Fagleder aktivitet", en: "Activity lead" },
      therapist: { nb: "Behandler", en: "Therapist" },
      "activity-team-member": { nb: "Ansatt i aktivitetsteamet", en: "Activity-team member" },
      "peer-support-worker": { nb: "Erfaringskonsulent", en: "Peer-support worker" },
      student: { nb: "Student", en: "Student" },
      volunteer: { nb: "Tidgiver", en: "Volunteer (time-giver)" },
      "department-staff": { nb: "Ansatt i avdelingen", en: "Department staff" },
    },
  },
  pathway: {
    title: { nb: "Hovedforløp", en: "Pathway" },
    concepts: {
      "1": { nb: "Hovedforløp 1: milde og kortvarige vansker", en: "Pathway 1: mild and short" },
      "2": {
        nb: "Hovedforløp 2: moderate, eller kortvarige alvorlige vansker",
        en: "Pathway 2: moderate, or short and severe",
      },
      "3": { nb: "Hovedforløp 3: alvorlige og langvarige vansker", en: "Pathway 3: severe and long-lasting" },
    },
  },
  "transition-kind": {
    title: { nb: "Overgang til", en: "Transition to" },
    concepts: {
      club: { nb: "Klubb eller lag", en: "Club" },
      membership: { nb: "Medlemskap", en: "Membership" },
      "community-offering": { nb: "Tilbud i nærmiljøet", en: "Community offering" },
      "volunteer-organisation": { nb: "Frivillig organisasjon", en: "Volunteer organisation" },
      work: { nb: "Arbeid", en: "Work" },
      other: { nb: "Annet", en: "Other" },
    },
  },
  "proposal-outcome": {
    title: { nb: "Utfall", en: "Outcome" },
    concepts: {
      approved: { nb: "Godkjent", en: "Approved" },
      declined: { nb: "Avslått", en: "Declined" },
      pending: { nb: "Til behandling", en: "Pending" },
    },
  },
  "escalation-level": {
    title: { nb: "Løftet til", en: "Escalated to" },
    concepts: {
      "extended-leadership-group": { nb: "Utvidet ledergruppe", en: "Extended leadership group" },
      "activity-lead": { nb: "Fagleder aktivitet", en: "Activity lead" },
    },
  },
  "contribution-form": {
    title: { nb: "Form for ressursbidrag", en: "Form of contribution" },
    concepts: {
      "lent-position": { nb: "Utlånt andel av en ansatts stilling", en: "Lent share of an employee's position" },
      "transferred-budget-post": { nb: "Overført hjemmel", en: "Transferred budget post" },
    },
  },
  "feedback-source": {
    title: { nb: "Kilde", en: "Source" },
    concepts: {
      employee: { nb: "Ansatt", en: "Employee" },
      citizen: { nb: "Innbygger", en: "Citizen" },
      "experience-council": { nb: "Erfaringsråd", en: "Experience council" },
    },
  },
  "record-type": {
    title: { nb: "Posttype i aktivitetsmodellen", en: "Record type of the activity model" },
    concepts: {
      dataset: { nb: "Kommuneår (datasett)", en: "Municipality-year (dataset)" },
      municipality: { nb: "Kommune", en: "Municipality" },
      "therapist-episode": { nb: "Episode hos behandler", en: "Therapist's episode" },
      enrollment: { nb: "Deltagelse", en: "Enrollment" },
      session: { nb: "Samling", en: "Session" },
      attendance: { nb: "Oppmøte", en: "Attendance" },
      "enrollment-extension": { nb: "Forlengelse", en: "Extension" },
      "community-transition": { nb: "Overgang til ordinært tilbud", en: "Community transition" },
      "offering-proposal": { nb: "Forslag til nytt tilbud", en: "Offering proposal" },
      "resource-contribution": { nb: "Ressursbidrag", en: "Resource contribution" },
      feedback: { nb: "Tilbakemelding", en: "Feedback" },
      "goal-evaluation": { nb: "Evaluering av måloppnåelse", en: "Goal evaluation" },
      "goal-decision": { nb: "Beslutning etter evaluering", en: "Decision after evaluation" },
    },
  },
} as const satisfies Record<string, TermSystem>

/** @category models */
export type TermSystemId = keyof typeof terms

/**
 * The version the code systems carry: the date the model was decided.
 * @category models
 */
// policy-literal-ok: the code systems are versioned by the catalogue's date, not by the model's start
export const TERMINOLOGY_VERSION = "2023-03-09"

// Only the model's own codes are cached, so a stream of unknown codes cannot grow the maps.
const memo = <T>(make: (system: TermSystemId, code: string) => T) => {
  const cache = new Map<string, T>()
  return (system: TermSystemId, code: string): T => {
    const key = `${system}|${code}`
    let value = cache.get(key)
    if (value === undefined) {
      value = make(system, code)
      if ((terms[system].concepts as Record<string, unknown>)[code] !== undefined) cache.set(key, value)
    }
    return value
  }
}

/**
 * A coding of the model's own code `code` in `system`, with its bokmål
 * display. Codings are shared between resources and frozen: a municipality
 * -year has tens of thousands of identical ones, and sharing them halves the
 * export's garbage.
 */
export const coding = memo((system, code): Coding => {
  const label = (terms[system].concepts as Record<string, Bilingual | undefined>)[code]
  return Object.freeze(
    label === undefined
      ? { system: codeSystemUrl(system), code }
      : { system: codeSystemUrl(system), code, display: label.nb },
  )
})

/** A CodeableConcept of one model coding, shared and frozen like {@link coding}. */
export const concept = memo(
  (system, code): CodeableConcept => Object.freeze({ coding: Object.freeze([coding(system, code)]) as Array<Coding> }),
)

const pascal = (id: string): string => id.replace(/(^|-)([a-z])/gu, (_, __, c: string) => c.toUpperCase())

const codeSystem = (id: TermSystemId): CodeSystem => {
  const system: TermSystem = terms[id]
  const concepts = Object.entries(system.concepts)
  return {
    resourceType: "CodeSystem",
    id: `aktivitetsmodell-${id}`,
    url: codeSystemUrl(id),
    version: TERMINOLOGY_VERSION,
    name: `Aktivitetsmodell${pascal(id)}`,
    title: system.title.nb,
    status: "active",
    language: "nb",
    description: `${system.title.en} — Sandnes Mestringsenheten's model for activity (2023). / ${system.title.nb} — Mestringsenhetens modell for aktivitet (2023).`,
    caseSensitive: true,
    content: "complete",
    count: concepts.length,
    concept: concepts.map(([code, label]) => ({
      code,
      display: label.nb,
      designation: [{ language: "en", value: label.en }],
    })),
  }
}

let published: ReadonlyArray<CodeSystem> | undefined

/** Every code system as a FHIR resource, built once. */
export const allCodeSystems = (): ReadonlyArray<CodeSystem> =>
  (published ??= (Object.keys(terms) as Array<TermSystemId>).map(codeSystem))
