/**
 * An activity offering (tilbud) of the unit, as the catalogue lists it.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { Category } from "./Category.js"
import * as Citation from "./Citation.js"
import * as Codes from "./Codes.js"
import { DepartmentId } from "./Department.js"
import { IsoDate } from "./IsoDate.js"
import { BilingualName, NonEmptyText, NumberBetween, Slug } from "./internal/checks.js"
import { guard } from "./internal/guard.js"
import * as Policy from "./Policy.js"

/**
 * An offering's identifier, such as `mindfull-restorative-yoga`.
 * @example
 * Schema.decodeUnknownSync(Offering.OfferingId)("turgruppe")
 * @category schemas
 */
export const OfferingId = Slug.pipe(Schema.brand("OfferingId")).annotate({ identifier: "OfferingId" })
/** @category models */
export type OfferingId = typeof OfferingId.Type

/**
 * How a citizen gets in (Mestringsenhetens modell for aktivitet):
 * `open` (no registration), `referral` (from the therapist), `intake` (karate's beginner groups),
 * `application` (Pro-Service), `binding-registration` (padel), `individual-decision` (Aktivitetskontakt).
 * @category schemas
 */
export const AccessMode = Schema.Literals([
  "open",
  "referral",
  "intake",
  "application",
  "binding-registration",
  "individual-decision",
]).annotate({ title: "AccessMode" })
/** @category models */
export type AccessMode = typeof AccessMode.Type

/**
 * Who may join, before any assessment of need (Mestringsenhetens modell for aktivitet):
 * `unit` — citizens who get help from the unit;
 * `unit-or-healthy-life-centre` — also the healthy-life centre's citizens (everyday activities);
 * `own-department` — only citizens of the operating department (department groups).
 * @category schemas
 */
export const Audience = Schema.Literals(["unit", "unit-or-healthy-life-centre", "own-department"]).annotate({
  title: "Audience",
})
/** @category models */
export type Audience = typeof Audience.Type

/**
 * Who runs an offering: a department, and within it the activity team or the
 * department's own staff, with the partners Mestringsenhetens modell for aktivitet §Ansvarsfordeling names.
 * @category schemas
 */
export const Operator = Schema.Struct({
  department: DepartmentId,
  team: Schema.Literals(["activity-team", "department"]),
  partners: Schema.Array(Schema.Literals(["students", "blue-cross", "peer-support-workers"])),
}).annotate({ identifier: "Operator" })
/** @category models */
export type Operator = typeof Operator.Type

/**
 * How often an offering meets: `weekly` at a fixed time, a new `monthly-cohort`
 * (the walking group), `per-plan` (individual training), a `course` with a set
 * number of sessions, `ongoing` help without sessions, or `occasional`.
 * @category schemas
 */
export const Schedule = Schema.Struct({
  frequency: Schema.Literals(["weekly", "monthly-cohort", "per-plan", "course", "ongoing", "occasional"]),
  note: Schema.optionalKey(NonEmptyText),
}).annotate({ identifier: "Schedule" })
/** @category models */
export type Schedule = typeof Schedule.Type

/**
 * How an open-ended offering ends: Recoveryhjelpa lasts until an activity
 * has started, Inkludert as long as it is needed. Numeric limits (sessions,
 * weeks, sessions per week, extensions) are policy parameters, not part of
 * the offering: see `Policy.limits`.
 * @category schemas
 */
export const EndsWhen = Schema.Literals(["activity-started", "no-longer-needed"]).annotate({ identifier: "EndsWhen" })
/** @category models */
export type EndsWhen = typeof EndsWhen.Type

/**
 * Where a participant goes on to in the ordinary community, such as Lura
 * Karateklubb after the first grading, or a Mudo membership.
 * @category schemas
 */
export const Continuation = Schema.Struct({
  destination: NonEmptyText,
  kind: Schema.Literals(["club", "membership", "community-offering"]),
  after: Schema.optionalKey(NonEmptyText),
}).annotate({ identifier: "Continuation" })
/** @category models */
export type Continuation = typeof Continuation.Type

/**
 * An offering's status. `transferred` offerings are active under their new
 * operator; `discontinued` ones hand their participants over to the local
 * community during a transition period (Mestringsenhetens modell for aktivitet §Endringer av eksisterende tilbud).
 * @category schemas
 */
const [active, transferred, discontinued] = Codes.offeringStatus

export const Status = Schema.Union([
  Schema.Struct({ kind: Schema.Literal(active) }),
  Schema.Struct({
    kind: Schema.Literal(transferred),
    effective: IsoDate,
    from: Schema.Union([Schema.Literal("all-departments"), Schema.Array(DepartmentId)]),
    to: DepartmentId,
  }),
  Schema.Struct({
    kind: Schema.Literal(discontinued),
    formerOperator: DepartmentId,
  }),
]).annotate({
  title: "OfferingStatus",
  expected: `a status whose kind is "${active}", "${transferred}" or "${discontinued}"`,
})
/** @category models */
export type Status = typeof Status.Type

/**
 * Where an offering comes from: a {@link Citation.Citation} of a source
 * document (title, section, lines, quote). The name stays for existing code.
 * @category schemas
 */
export const SeedRef = Citation.Citation
/** @category models */
export type SeedRef = Citation.Citation

/**
 * One offering of the catalogue.
 * @example
 * import offerings from "@aktivitetsmodell/core/catalogue.json"
 * Schema.decodeUnknownSync(Offering.Offering)(offerings.offerings[0])
 * @category schemas
 */
export const Offering = Schema.Struct({
  id: OfferingId,
  /** The name in Norwegian bokmål (`nb`, as the seed writes it) and English (`en`). */
  name: BilingualName,
  description: NonEmptyText.annotate({ description: "Norwegian description (bokmål)" }),
  category: Category,
  operator: Operator,
  format: Schema.Literals(["individual", "group"]),
  access: AccessMode,
  audience: Audience,
  location: Schema.optionalKey(NonEmptyText),
  schedule: Schedule,
  endsWhen: Schema.optionalKey(EndsWhen),
  priceNok: NumberBetween(0, 1_000_000).annotate({
    description: "Price to the citizen; the model says every offering is free",
  }),
  continuation: Schema.optionalKey(Continuation),
  status: Status,
  seed: SeedRef,
}).annotate({ identifier: "Offering", title: "Offering (tilbud)" })
/** @category models */
export type Offering = typeof Offering.Type

/**
 * The last day of a discontinued offering's transition period, or undefined
 * when the offering is not discontinued. "en overgangsperiode på 2 måneder, fra
 * oppstart av aktivitetsmodellen" (Mestringsenhetens modell for aktivitet): the period starts on the
 * policy's `model.start` and lasts its `transition.duration`, both as in
 * force on `date`; see `Policy.transitionEnd`.
 * @example
 * Offering.transitionEnd(pilates, policy, "2024-06-01") // "2023-05-08"
 * @category constructors
 */
export const transitionEnd = guard(
  "Offering.transitionEnd",
  {
    en: "(offering: { status }, policy: Policy, date: YYYY-MM-DD)",
    nb: "(offering: { status }, policy: Policy, date: ÅÅÅÅ-MM-DD)",
  },
  (offering: Pick<Offering, "status">, policy: Policy.Policy, date: string): IsoDate | undefined =>
    offering.status.kind === "discontinued"
      ? (Policy.transitionEnd(policy, { question: date }) as IsoDate | undefined)
      : undefined,
)
