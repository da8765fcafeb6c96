/**
 * `@aktivitetsmodell/core/fhir` — exchange in FHIR R4 on the Norwegian base
 * identifiers, and the reporting crosswalk (KPR, KOSTRA, BrukerPlan).
 * Browser-safe: no Node built-ins; UUIDs are computed in plain TypeScript.
 *
 * | model | FHIR R4 |
 * |---|---|
 * | Department | Organization (part of the municipality, kommunenummer on the address) |
 * | Offering | HealthcareService |
 * | Citizen | Patient, with the pseudonym as its only identifier unless a resolver adds fødselsnummer/D-nummer |
 * | Staff | PractitionerRole |
 * | Referral | ServiceRequest |
 * | JointMeeting (with its goal) | Goal; evaluations set Goal.achievementStatus |
 * | Episode | EpisodeOfCare, type "therapist-episode" |
 * | Enrollment (every category) | EpisodeOfCare, type "enrollment", KPR service type when reportable |
 * | Session | Encounter, type "session" |
 * | Attendance | Encounter, type "attendance", partOf the session |
 * | GoalEvaluation | Observation "goal-evaluation" |
 * | FitScore (ORS/SRS) | Observation, category survey, items as components |
 * | Extension, CommunityTransition, OfferingProposal, ResourceContribution, Feedback | Basic, by record type |
 *
 * @example
 * import { Fhir } from "@aktivitetsmodell/core/fhir"
 * const bundle = Fhir.bundle(year, { pseudonymSystem: "https://sandnes.kommune.no/fhir/pseudonym" })
 * const { dataset, rejected } = Fhir.toDataset(bundle)
 *
 * @module
 */

export * as Crosswalk from "../Crosswalk.js"
export * as Fhir from "./Fhir.js"
