// The options and the result of a report, apart from Report.ts so that the
// builder in internal/ and the DuckDB entry name them without an import loop.
import type { Policy } from "@aktivitetsmodell/core"
import type * as EvaluationPlan from "../EvaluationPlan.js"
import type { Model } from "../outputs/ReportModel.js"
import type * as Provenance from "../Provenance.js"
import type { Profile } from "../privacy/Profile.js"
import type { Publication, Published } from "../privacy/Publication.js"
import type { Rule } from "../privacy/Suppression.js"
import type { Participants, Population } from "../RecoveryCollege.js"
import type { Statistics } from "../ServiceStatistics.js"
import type { MissingInput } from "./indicatorInputs.js"
import type { Lang } from "./text.js"

/**
 * Options for {@link buildReport}. `policy` (required) is the policy the
 * year is read against: FIT thresholds, the department contribution and the
 * default disclosure profile (build it with `InForce.policy(tree)` from
 * `@aktivitetsmodell/rules`). `year` defaults to the dataset's; `profile` to
 * `strict` with the policy's range (`rule` `{ min, max }` is the strict
 * profile, as before). `names` are names (of citizens, of staff) that must appear in no
 * output. `statistics`, `recoveryCollege` and `population` add the yearly
 * service statistics and Recovery College sections; `capacity` gives places
 * per session by offering id (a whole number above 0 each; an object's own
 * keys or a Map). `source`, `synthetic`, `generatedAt` (default: now),
 * `versions` and `policyHash` (`PolicyTree.hash` of the tree the policy came
 * from) are the provenance every output states (see `Provenance`); a
 * synthetic year must say `synthetic: true`, so that every page says so.
 * `missing` names the entities whose records could not be read (no file, an
 * empty file, every record rejected; `loadExportFolder` gives them): every
 * indicator that counts them is published as missing, with the reason,
 * never as 0.
 * @category models
 */
export interface Options {
  readonly policy: Policy.Policy
  readonly lang?: Lang
  readonly year?: number
  readonly profile?: Profile
  readonly rule?: Rule
  readonly names?: ReadonlyArray<string>
  readonly title?: string
  readonly capacity?: Readonly<Record<string, number>> | ReadonlyMap<string, number>
  readonly statistics?: Statistics
  readonly recoveryCollege?: Participants
  readonly population?: Population
  readonly source?: string
  readonly synthetic?: boolean
  readonly generatedAt?: Date | string
  readonly versions?: Readonly<Record<string, string>>
  readonly policyHash?: string
  readonly missing?: ReadonlyArray<MissingInput>
}

/**
 * A built report: the HTML document, the Markdown summary, a plain-text
 * summary for a console, every table published together (the report's and
 * the plan's, one publication) and the plan draft.
 * @category models
 */
export interface Report {
  readonly html: string
  readonly markdown: string
  readonly summary: string
  readonly published: ReadonlyArray<Published>
  readonly publication: Publication
  readonly plan: EvaluationPlan.Plan
  readonly model: Model
  readonly provenance: Provenance.Provenance
}
