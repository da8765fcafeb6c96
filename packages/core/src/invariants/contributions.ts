// Mestringsenhetens modell for aktivitet §Organisering: each department contributes a share of a position to the activity team.
import { addDays } from "../IsoDate.js"
import * as Policy from "../Policy.js"
import type { Context } from "./context.js"
import { numberFor, violation, yearEnd } from "./context.js"
import type { Violation } from "./Violation.js"

/**
 * Every day of the dataset's year (from the model's start, if later) must be
 * covered by contributions that add up to the minimum in force that day: a
 * contribution that starts in December does not cover the year.
 */
export const departmentsContribute = (ctx: Context): Array<Violation> => {
  const yearStart = `${ctx.data.year}-01-01`
  const to = yearEnd(ctx)
  const modelStart = Policy.requireDate(ctx.policy, Policy.names.modelStart, { question: to })
  const from = modelStart > yearStart ? modelStart : yearStart
  // The minimum may change during the year: each day is held to the share in force then.
  const minOn = (day: string) => numberFor(ctx, Policy.names.contributionPercent, day)
  return ctx.data.departments.flatMap((d, i) => {
    const own = ctx.data.contributions.filter((c) => c.department === d.id)
    // The share only changes where a contribution starts or the day after one ends.
    const changes = [
      from,
      ...own.flatMap((c) => [c.from as string, ...(c.to === undefined ? [] : [addDays(c.to, 1) as string])]),
    ]
      .filter((day) => day >= from && day <= to)
      .sort()
    let lowest: { day: string; share: number; min: number } | undefined
    for (const day of new Set([...changes, ...changesOf(ctx, from, to)])) {
      const share = own.reduce(
        (sum, c) => (c.from <= day && (c.to === undefined || c.to >= day) ? sum + c.sharePercent : sum),
        0,
      )
      const min = minOn(day)
      if (share < min && (lowest === undefined || share < lowest.share)) lowest = { day, share, min }
    }
    return lowest === undefined
      ? []
      : [
          violation("department-contribution-below-minimum", `departments[${i}]`, d.id, {
            en: `${d.name.en} contributes ${lowest.share} % of a position to the activity team from ${lowest.day}; at least ${lowest.min} % is required`,
            nb: `${d.name.nb} bidrar med ${lowest.share} % stilling til aktivitetsteamet fra ${lowest.day}; minst ${lowest.min} % kreves`,
          }),
        ]
  })
}

/** The days within [from, to] on which the minimum share takes a new value. */
const changesOf = (ctx: Context, from: string, to: string): Array<string> =>
  (ctx.policy.parameters.get(Policy.names.contributionPercent)?.values ?? [])
    .map((v) => v.from)
    .filter((d) => d > from && d <= to)
