/**
 * @aktivitetsmodell/core — Sandnes Mestringsenheten's model for activity
 * (decided 2023-03-09) as Effect schemas, a catalogue, invariants and the
 * treatment flow. Browser-safe: file loading lives in `@aktivitetsmodell/core/node`,
 * the synthetic generator in `@aktivitetsmodell/core/synthetic`.
 *
 * @example
 * import { Catalogue, Invariants } from "@aktivitetsmodell/core"
 * const violations = Invariants.check(year)
 *
 * @module
 */
export * as Batch from "./Batch.js"
export * as Boundary from "./Boundary.js"
export * as Calendar from "./Calendar.js"
export * as Catalogue from "./Catalogue.js"
export * as Category from "./Category.js"
export * as Citation from "./Citation.js"
export * as Citizen from "./Citizen.js"
export * as Codes from "./Codes.js"
export * as Collections from "./Collections.js"
export * as CommunityTransition from "./CommunityTransition.js"
export { CoreError } from "./CoreError.js"
export * as Crosswalk from "./Crosswalk.js"
export * as Dataset from "./Dataset.js"
export * as Department from "./Department.js"
export * as Enrollment from "./Enrollment.js"
export * as Episode from "./Episode.js"
export * as Extension from "./Extension.js"
export * as Feedback from "./Feedback.js"
export * as FitScore from "./FitScore.js"
export * as GoalEvaluation from "./GoalEvaluation.js"
export * as Invariants from "./Invariants.js"
export * as Io from "./Io.js"
export * as IsoDate from "./IsoDate.js"
export type { Bilingual, Lang } from "./internal/text.js"
export * as JointMeeting from "./JointMeeting.js"
export * as JsonSchemas from "./JsonSchemas.js"
export * as JsonText from "./JsonText.js"
export * as KprCheck from "./KprCheck.js"
export * as Municipality from "./Municipality.js"
export * as NationalId from "./NationalId.js"
export * as Offering from "./Offering.js"
export * as OfferingProposal from "./OfferingProposal.js"
export * as Policy from "./Policy.js"
export * as Problems from "./Problems.js"
export { ProblemsError } from "./ProblemsError.js"
export * as Pseudonym from "./Pseudonym.js"
export * as Redact from "./Redact.js"
export * as Referral from "./Referral.js"
export * as ResourceContribution from "./ResourceContribution.js"
export * as Session from "./Session.js"
export * as Sources from "./Sources.js"
export * as Staff from "./Staff.js"
export * as Suggest from "./Suggest.js"
export * as TreatmentFlow from "./TreatmentFlow.js"
