/**
 * Subjects from a municipality-year of records, so a policy change can be
 * tried on real or synthetic data: each enrollment at its start (may the
 * citizen take part?) and at the last session of each period (does it end,
 * may it be extended?), each no-show, goal evaluation, FIT score and
 * proposal, and each participant of a discontinued offering when its
 * transition ends.
 *
 * @module
 */
import type { Dataset, Policy } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { type Item, type Skipped, yearSubjects } from "./internal/yearSubjects.js"
import { RulesError } from "./RulesError.js"

export type { Item, Skipped }

/**
 * Every subject a year's records give, in record order.
 * @example
 * const policy = InForce.policy(tree)
 * const items = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy)
 * items.length
 * @category constructors
 */
export const of = guard(
  "DatasetSubjects.of",
  { en: "(data: Dataset, policy: Policy)", nb: "(data: Dataset, policy: Policy)" },
  (data: Dataset.Dataset, policy: Policy.Policy): ReadonlyArray<Item> => yearSubjects(data, policy, () => {}),
)

/**
 * {@link of}, also telling `skipped` of each record that gives no subject
 * because a citizen, offering or enrollment it names is not in the data, in
 * record order: every record is either a subject or told of.
 * @example
 * const items = DatasetSubjects.subjectsOf(year, policy, (s) => console.error(s.pointer, s.message.en))
 * @category constructors
 */
export const subjectsOf = guard(
  "DatasetSubjects.subjectsOf",
  {
    en: "(data: Dataset, policy: Policy, skipped: (s: Skipped) => void)",
    nb: "(data: Dataset, policy: Policy, skipped: (s: Skipped) => void)",
  },
  (data: Dataset.Dataset, policy: Policy.Policy, skipped: (s: Skipped) => void): ReadonlyArray<Item> => {
    if (typeof skipped !== "function")
      throw new RulesError({ nb: "skipped må være en funksjon", en: "skipped must be a function" })
    return yearSubjects(data, policy, skipped)
  },
)
