// Invariants about who is enrolled in what, and when.
import { agesOn } from "../IsoDate.js"
import { transitionEnd } from "../Offering.js"
import * as Policy from "../Policy.js"
import type { Context } from "./context.js"
import { numberFor, violation, yearEnd } from "./context.js"
import type { Violation } from "./Violation.js"

/** Mestringsenhetens modell for aktivitet §Egne grupper i avdelingene: only the department's own citizens join its groups. */
export const departmentGroupsServeOwnCitizens = (ctx: Context): Array<Violation> =>
  ctx.data.enrollments.flatMap((e, i) => {
    const o = ctx.offerings.get(e.offeringId)
    const c = ctx.citizens.get(e.citizenId)
    if (o === undefined || c === undefined || o.category !== "department") return []
    return c.departments.includes(o.operator.department)
      ? []
      : [
          violation("department-group-foreign-citizen", `enrollments[${i}].citizenId`, e.id, {
            en: `${o.name.en} is for citizens of ${o.operator.department}, and this citizen gets help from ${c.departments.join(", ") || "no department"}`,
            nb: `${o.name.nb} er for innbyggere i ${o.operator.department}, og denne innbyggeren får hjelp fra ${c.departments.join(", ") || "ingen avdeling"}`,
          }),
        ]
  })

/** Mestringsenhetens modell for aktivitet §Endringer av eksisterende tilbud: no one joins or attends a discontinued offering after its transition. */
export const noEnrollmentAfterTransition = (ctx: Context): Array<Violation> => {
  const out: Array<Violation> = []
  ctx.data.enrollments.forEach((e, i) => {
    const o = ctx.offerings.get(e.offeringId)
    const end = o === undefined ? undefined : transitionEnd(o, ctx.policy, e.start)
    if (o === undefined || end === undefined) return
    if (e.start > end) {
      out.push(
        violation("enrollment-after-transition", `enrollments[${i}].start`, e.id, {
          en: `${o.name.en} was discontinued; its transition ended ${end}, but this enrollment starts ${e.start}`,
          nb: `${o.name.nb} er avviklet; overgangsperioden sluttet ${end}, men denne deltagelsen starter ${e.start}`,
        }),
      )
      return
    }
    if (e.closedOn === undefined && e.status === "ongoing" && `${ctx.data.year}-12-31` > end) {
      out.push(
        violation("enrollment-after-transition", `enrollments[${i}].status`, e.id, {
          en: `${o.name.en} was discontinued; its transition ended ${end}, but this enrollment is still ongoing`,
          nb: `${o.name.nb} er avviklet; overgangsperioden sluttet ${end}, men denne deltagelsen pågår fortsatt`,
        }),
      )
      return
    }
    if (e.closedOn !== undefined && e.closedOn > end) {
      out.push(
        violation("enrollment-after-transition", `enrollments[${i}].closedOn`, e.id, {
          en: `${o.name.en} was discontinued; its transition ended ${end}, but this enrollment lasted until ${e.closedOn}`,
          nb: `${o.name.nb} er avviklet; overgangsperioden sluttet ${end}, men denne deltagelsen varte til ${e.closedOn}`,
        }),
      )
      return
    }
    for (const a of ctx.attendanceByEnrollment.get(e.id) ?? []) {
      if (a.date > end) {
        out.push(
          violation("enrollment-after-transition", `enrollments[${i}]`, e.id, {
            en: `${o.name.en} was discontinued; its transition ended ${end}, but a session is recorded ${a.date}`,
            nb: `${o.name.nb} er avviklet; overgangsperioden sluttet ${end}, men en samling er registrert ${a.date}`,
          }),
        )
        return
      }
    }
  })
  return out
}

/** Psykisk helsearbeid for voksne: the unit serves adults (the minimum age is a parameter). Checked on the first day a citizen is in the data. */
export const citizensAreAdults = (ctx: Context): Array<Violation> => {
  const firstSeen = new Map<string, string>()
  const see = (id: string, date: string) => {
    const d = firstSeen.get(id)
    if (d === undefined || date < d) firstSeen.set(id, date)
  }
  for (const r of ctx.data.referrals) see(r.citizenId, r.date)
  for (const e of ctx.data.enrollments) see(e.citizenId, e.start)
  return ctx.data.citizens.flatMap((c, i) => {
    const date = firstSeen.get(c.id) ?? yearEnd(ctx)
    const min = numberFor(ctx, Policy.names.minimumAge, date)
    // With only a birth year, the citizen is certainly under age only if even
    // a 1 January birthday leaves them younger than the minimum: the oldest age.
    const [age] = agesOn(c, date)
    return age >= min
      ? []
      : [
          violation(
            "citizen-under-minimum-age",
            `citizens[${i}].${c.birthDate !== undefined ? "birthDate" : "birthYear"}`,
            c.id,
            {
              en: `The citizen is ${age} on ${date}; the unit serves adults aged ${min} or more`,
              nb: `Innbyggeren er ${age} år ${date}; mestringsenheten gir tilbud til voksne fra ${min} år`,
            },
          ),
        ]
  })
}
