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

const t = (nb: string, en: string): Bilingual => ({ nb, en })

/**
 * Every code system of the model by id, with its concepts' labels.
 * @example
 * Fhir.terms["enrollment-status"].concepts.withdrawn.nb // "Avbrutt"
 * @category models
 */
export const terms = {
  category: {
    title: t("Kategori", "Category"),
    concepts: {
      treatment: t("Fysisk aktivitet som behandling", "Physical activity as treatment"),
      everyday: t("Hverdagsaktivitet", "Everyday activity"),
      participation: t("Hjelp til å bli mer deltagende i samfunnet", "Help to take part in society"),
      department: t("Egne grupper i avdelingene", "Departments' own groups"),
    },
  },
  "offering-status": {
    title: t("Status for tilbud", "Offering status"),
    concepts: {
      active: t("Aktivt", "Active"),
      transferred: t("Overført", "Transferred"),
      discontinued: t("Avviklet", "Discontinued"),
    },
  },
  "access-mode": {
    title: t("Tilgang", "Access mode"),
    concepts: {
      open: t("Åpent, uten påmelding", "Open, no registration"),
      referral: t("Henvendelse fra behandler", "Referral from the therapist"),
      intake: t("Inntak", "Intake"),
      application: t("Søknad", "Application"),
      "binding-registration": t("Bindende påmelding", "Binding registration"),
      "individual-decision": t("Enkeltvedtak", "Individual decision"),
    },
  },
  audience: {
    title: t("Målgruppe", "Audience"),
    concepts: {
      unit: t("Innbyggere som får hjelp fra mestringsenheten", "Citizens who get help from the unit"),
      "unit-or-healthy-life-centre": t(
        "Innbyggere som får hjelp fra mestringsenheten eller frisklivssentralen",
        "Citizens who get help from the unit or the healthy-life centre",
      ),
      "own-department": t("Avdelingens egne innbyggere", "The department's own citizens"),
    },
  },
  "offering-format": {
    title: t("Form", "Format"),
    concepts: { individual: t("Individuelt", "Individual"), group: t("Gruppe", "Group") },
  },
  "operator-team": {
    title: t("Drives av", "Run by"),
    concepts: {
      "activity-team": t("Aktivitetsteamet", "The activity team"),
      department: t("Avdelingen selv", "The department itself"),
    },
  },
  partner: {
    title: t("Samarbeidspartner", "Partner"),
    concepts: {
      students: t("Studenter", "Students"),
      "blue-cross": t("Blå Kors", "Blue Cross"),
      "peer-support-workers": t("Erfaringskonsulenter", "Peer-support workers"),
    },
  },
  "schedule-frequency": {
    title: t("Hyppighet", "Frequency"),
    concepts: {
      weekly: t("Ukentlig", "Weekly"),
      "monthly-cohort": t("Ny gruppe hver måned", "A new group every month"),
      "per-plan": t("Etter oppsatt plan", "Per plan"),
      course: t("Kurs", "Course"),
      ongoing: t("Løpende", "Ongoing"),
      occasional: t("Sporadisk", "Occasional"),
    },
  },
  "ends-when": {
    title: t("Varer til", "Lasts until"),
    concepts: {
      "activity-started": t("Til en aktivitet er startet", "An activity has started"),
      "no-longer-needed": t("Så lenge det er ønsket eller behov", "It is no longer wanted or needed"),
    },
  },
  "continuation-kind": {
    title: t("Videre tilbud", "Continuation"),
    concepts: {
      club: t("Klubb eller lag", "Club"),
      membership: t("Medlemskap", "Membership"),
      "community-offering": t("Tilbud i nærmiljøet", "Community offering"),
    },
  },
  "enrollment-status": {
    title: t("Status for deltagelse", "Enrollment status"),
    concepts: {
      ongoing: t("Pågår", "Ongoing"),
      completed: t("Fullført", "Completed"),
      withdrawn: t("Avbrutt", "Withdrawn"),
    },
  },
  "attendance-status": {
    title: t("Oppmøte", "Attendance"),
    concepts: {
      present: t("Møtt", "Present"),
      absent: t("Meldt forfall", "Absent with notice"),
      "no-show": t("Ikke møtt, ikke meldt forfall", "No-show"),
    },
  },
  "goal-reached": {
    title: t("Måloppnåelse", "Goal reached"),
    concepts: { yes: t("Ja", "Yes"), partly: t("Delvis", "Partly"), no: t("Nei", "No") },
  },
  "goal-decision": {
    title: t("Beslutning etter evaluering", "Decision after evaluation"),
    concepts: {
      completed: t("Avsluttes", "Completed"),
      extend: t("Forlenges med én periode", "Extended by one period"),
      "other-measures": t("Andre tiltak prøves", "Other measures are tried"),
    },
  },
  "fit-instrument": {
    title: t("FIT-skjema", "FIT instrument"),
    concepts: {
      ORS: t("ORS – skala for opplevd fungering", "Outcome Rating Scale (ORS)"),
      SRS: t("SRS – skala for samtalen", "Session Rating Scale (SRS)"),
    },
  },
  "fit-item": {
    title: t("FIT-ledd", "FIT item"),
    concepts: {
      "ors-individual": t("Individuelt", "Individually"),
      "ors-interpersonal": t("Mellommenneskelig", "Interpersonally"),
      "ors-social": t("Sosialt", "Socially"),
      "ors-overall": t("Generelt", "Overall"),
      "srs-relationship": t("Relasjon", "Relationship"),
      "srs-goals-topics": t("Mål og tema", "Goals and topics"),
      "srs-approach": t("Tilnærming eller metode", "Approach or method"),
      "srs-overall": t("Totalt", "Overall"),
    },
  },
  "staff-role": {
    title: t("Rolle", "Role"),
    concepts: {
      "activity-lead": t("Fagleder aktivitet", "Activity lead"),
      therapist: t("Behandler", "Therapist"),
      "activity-team-member": t("Ansatt i aktivitetsteamet", "Activity-team member"),
      "peer-support-worker": t("Erfaringskonsulent", "Peer-support worker"),
      student: t("Student", "Student"),
      volunteer: t("Tidgiver", "Volunteer (time-giver)"),
      "department-staff": t("Ansatt i avdelingen", "Department staff"),
    },
  },
  pathway: {
    title: t("Hovedforløp", "Pathway"),
    concepts: {
      "1": t("Hovedforløp 1: milde og kortvarige vansker", "Pathway 1: mild and short"),
      "2": t("Hovedforløp 2: moderate, eller kortvarige alvorlige vansker", "Pathway 2: moderate, or short and severe"),
      "3": t("Hovedforløp 3: alvorlige og langvarige vansker", "Pathway 3: severe and long-lasting"),
    },
  },
  "transition-kind": {
    title: t("Overgang til", "Transition to"),
    concepts: {
      club: t("Klubb eller lag", "Club"),
      membership: t("Medlemskap", "Membership"),
      "community-offering": t("Tilbud i nærmiljøet", "Community offering"),
      "volunteer-organisation": t("Frivillig organisasjon", "Volunteer organisation"),
      work: t("Arbeid", "Work"),
      other: t("Annet", "Other"),
    },
  },
  "proposal-outcome": {
    title: t("Utfall", "Outcome"),
    concepts: {
      approved: t("Godkjent", "Approved"),
      declined: t("Avslått", "Declined"),
      pending: t("Til behandling", "Pending"),
    },
  },
  "escalation-level": {
    title: t("Løftet til", "Escalated to"),
    concepts: {
      "extended-leadership-group": t("Utvidet ledergruppe", "Extended leadership group"),
      "activity-lead": t("Fagleder aktivitet", "Activity lead"),
    },
  },
  "contribution-form": {
    title: t("Form for ressursbidrag", "Form of contribution"),
    concepts: {
      "lent-position": t("Utlånt andel av en ansatts stilling", "Lent share of an employee's position"),
      "transferred-budget-post": t("Overført hjemmel", "Transferred budget post"),
    },
  },
  "feedback-source": {
    title: t("Kilde", "Source"),
    concepts: {
      employee: t("Ansatt", "Employee"),
      citizen: t("Innbygger", "Citizen"),
      "experience-council": t("Erfaringsråd", "Experience council"),
    },
  },
  "record-type": {
    title: t("Posttype i aktivitetsmodellen", "Record type of the activity model"),
    concepts: {
      dataset: t("Kommuneår (datasett)", "Municipality-year (dataset)"),
      municipality: t("Kommune", "Municipality"),
      "therapist-episode": t("Episode hos behandler", "Therapist's episode"),
      enrollment: t("Deltagelse", "Enrollment"),
      session: t("Samling", "Session"),
      attendance: t("Oppmøte", "Attendance"),
      "enrollment-extension": t("Forlengelse", "Extension"),
      "community-transition": t("Overgang til ordinært tilbud", "Community transition"),
      "offering-proposal": t("Forslag til nytt tilbud", "Offering proposal"),
      "resource-contribution": t("Ressursbidrag", "Resource contribution"),
      feedback: t("Tilbakemelding", "Feedback"),
      "goal-evaluation": t("Evaluering av måloppnåelse", "Goal evaluation"),
      "goal-decision": t("Beslutning etter evaluering", "Decision after evaluation"),
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
