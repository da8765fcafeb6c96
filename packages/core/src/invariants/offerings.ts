// Invariants about the offerings themselves: price and who runs department groups.
import * as Policy from "../Policy.js"
import type { Context } from "./context.js"
import { violation, yearEnd } from "./context.js"
import type { Violation } from "./Violation.js"

/** Mestringsenhetens modell for aktivitet §Organisering: every offering is free to the citizen. */
export const offeringsAreFree = (ctx: Context): Array<Violation> => {
  const price = Policy.requireNumber(ctx.policy, Policy.names.priceNok, { question: yearEnd(ctx) })
  return ctx.data.offerings.flatMap((o, i) =>
    o.priceNok === price
      ? []
      : [
          violation("offering-not-free", `offerings[${i}].priceNok`, o.id, {
            en: `${o.name.en} costs ${o.priceNok} NOK; every offering must cost ${price} NOK`,
            nb: `${o.name.nb} koster ${o.priceNok} kr; alle tilbud skal koste ${price} kr`,
          }),
        ],
  )
}

/**
 * Mestringsenhetens modell for aktivitet §Egne grupper i avdelingene and §Nye tilbud: department groups are
 * run by departments, for their own citizens; departments start no other groups.
 */
export const onlyDepartmentsRunDepartmentGroups = (ctx: Context): Array<Violation> =>
  ctx.data.offerings.flatMap((o, i): Array<Violation> => {
    const byDepartment = o.operator.team === "department"
    if (o.category === "department" && (!byDepartment || o.audience !== "own-department")) {
      return [
        violation("department-group-not-run-by-department", `offerings[${i}].operator`, o.id, {
          en: `${o.name.en} is a department group, so a department must run it for its own citizens`,
          nb: `${o.name.nb} er en egen gruppe i avdelingen, og må driftes av avdelingen for egne innbyggere`,
        }),
      ]
    }
    if (o.category !== "department" && byDepartment) {
      return [
        violation("department-runs-group-outside-own-groups", `offerings[${i}].operator.team`, o.id, {
          en: `${o.name.en} is run by a department but is not a department group; only the activity team runs other offerings`,
          nb: `${o.name.nb} driftes av en avdeling, men er ikke en egen gruppe i avdelingen; andre tilbud driftes av aktivitetsteamet`,
        }),
      ]
    }
    return []
  })
