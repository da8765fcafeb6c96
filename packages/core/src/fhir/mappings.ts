// Every record entity and its mapping, in the Dataset's order: the order the
// bundle lists them in and the import rebuilds them in.
import type { Dataset, EntityName } from "../Dataset.js"
import { attendance } from "./attendance.js"
import { citizens } from "./citizen.js"
import { contributions } from "./contribution.js"
import { departments } from "./department.js"
import { enrollments } from "./enrollment.js"
import { extensions } from "./enrollmentExtension.js"
import { episodes } from "./episode.js"
import { feedback } from "./feedback.js"
import { fitScores } from "./fitScore.js"
import { goalEvaluations } from "./goalEvaluation.js"
import { jointMeetings } from "./jointMeeting.js"
import type { Mapping } from "./mapping.js"
import { offerings } from "./offering.js"
import { proposals } from "./proposal.js"
import { referrals } from "./referral.js"
import { sessions } from "./session.js"
import { staff } from "./staff.js"
import { transitions } from "./transition.js"

/** Each entity's mapping, typed by that entity's own record. */
export type Mappings = { readonly [E in EntityName]: Mapping<Dataset[E][number]> }

export const mappings: Mappings = {
  departments,
  offerings,
  citizens,
  staff,
  referrals,
  jointMeetings,
  episodes,
  enrollments,
  sessions,
  attendance,
  extensions,
  goalEvaluations,
  transitions,
  fitScores,
  proposals,
  contributions,
  feedback,
}
