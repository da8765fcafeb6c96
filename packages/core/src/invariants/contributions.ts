// Seed 000 §Organisering: each department contributes 20 % of a position to the activity team.
import { addDays } from "../IsoDate.js"
import type { Context } from "./context.js"
import { violation } from "./context.js"
import type { Violation } from "./Violation.js"

/**
 * Every day of the dataset's year (from the model's start, if later) must be
 * covered by contributions that add up to the minimum: a 20 % contribution
 * that starts in December does not cover the year.
 */
export const departmentsContribute = (ctx: Context): Array<Violation> => {
  const yearStart = `${ctx.data.year}-01-01`
  const from = ctx.policy.modelStart > yearStart ? ctx.policy.modelStart : yearStart
  const to = `${ctx.data.year}-12-31`
  const min = ctx.policy.departmentContributionPercent
  return ctx.data.departments.flatMap((d, i) => {
    const own = ctx.data.contributions.filter((c) => c.department === d.id)
    // The share only changes where a contribution starts or the day after one ends.
    const changes = [from, ...own.flatMap((c) => [c.from as string, ...(c.to === undefined ? [] : [addDays(c.to, 1) as string])])]
      .filter((day) => day >= from && day <= to)
      .sort()
    let lowest: { day: string; share: number } | undefined
    for (const day of new Set(changes)) {
      const share = own.reduce((sum, c) => (c.from <= day && (c.to === undefined || c.to >= day) ? sum + c.sharePercent : sum), 0)
      if (share < min && (lowest === undefined || share < lowest.share)) lowest = { day, share }
    }
    return lowest === undefined
      ? []
      : [
          violation("department-contribution-below-minimum", `departments[${i}]`, d.id, {
            en: `${d.nameEn} contributes ${lowest.share} % of a position to the activity team from ${lowest.day}; at least ${min} % is required`,
            nb: `${d.name} bidrar med ${lowest.share} % stilling til aktivitetsteamet fra ${lowest.day}; minst ${min} % kreves`
          })
        ]
  })
}
