/**
 * Synthetic citizens: pseudonyms, departments, the healthy-life-centre flag,
 * pathway (Psykisk helsearbeid for voksne §hovedforløp) and age, all adults.
 *
 * @module
 */

import { fromDayNumber } from "../Calendar.js"
import type { Citizen } from "../Citizen.js"
import type { DepartmentId } from "../Department.js"
import type { IsoDate } from "../IsoDate.js"
import type { Pseudonym } from "../Pseudonym.js"
import { yearBounds } from "./calendar.js"
import type { Random } from "./random.js"
import type { World } from "./world.js"

/** Share of citizens per Sandnes department (primary department). */
const departmentShare: Readonly<Record<string, number>> = {
  "psykisk-helse": 0.45,
  "rus-og-avhengighet": 0.3,
  rpha: 0.25,
}

/**
 * Pathway shares per department: RPHA (rapid help) serves mostly pathway 1,
 * substance use more of pathways 2–3; overall about 50/35/15 %.
 */
const pathwayShare: Readonly<Record<string, readonly [number, number, number]>> = {
  "psykisk-helse": [0.4, 0.4, 0.2],
  "rus-og-avhengighet": [0.36, 0.4, 0.24],
  rpha: [0.78, 0.19, 0.03],
  "": [0.7, 0.25, 0.05],
}

/** Share of citizens helped only by the healthy-life centre (no department). */
export const healthyLifeCentreOnlyShare = 0.04
/** Share of the unit's citizens who are also with the healthy-life centre (≈10 % overall). */
const alsoHealthyLifeCentreShare = 0.065
/** Share of the unit's citizens helped by two departments. */
const twoDepartmentsShare = 0.1
/** Share of citizens whose full birth date is known. */
const birthDateShare = 0.6

const pathwayOf = (random: Random, department: string): Citizen["pathway"] => {
  const [a, b, c] = pathwayShare[department] ?? [0.5, 0.35, 0.15]
  return random.weighted<Citizen["pathway"]>([
    [1, a],
    [2, b],
    [3, c],
  ])
}

/**
 * Generates `count` citizens with distinct pseudonyms, each at least 18 on
 * 1 January of the year (born in `year − 19` or earlier), with an attendance
 * propensity of 0.6–0.95.
 * @example
 * makeCitizens(world, 1500)
 * @category constructors
 */
export const makeCitizens = (w: World, count: number): void => {
  const random = w.random.fork("citizens")
  const departments = w.catalogue.departments.map((d) => d.id)
  const weights = departments.map((d) => [d, departmentShare[d] ?? 1 / departments.length] as const)
  const seen = new Set<string>()
  for (let i = 0; i < count; i++) {
    let id = random.hex(32)
    while (seen.has(id)) id = random.hex(32)
    seen.add(id)

    const hlcOnly = departments.length === 0 || random.chance(healthyLifeCentreOnlyShare)
    const own: Array<DepartmentId> = []
    if (!hlcOnly) {
      const first = random.weighted(weights)
      own.push(first)
      if (departments.length > 1 && random.chance(twoDepartmentsShare)) {
        own.push(random.weighted(weights.filter(([d]) => d !== first)))
      }
    }
    const healthyLifeCentre = hlcOnly || random.chance(alsoHealthyLifeCentreShare)

    const age = Math.min(86, Math.max(19, Math.round(random.normal(41, 13))))
    const birthYear = w.year - age
    const b = yearBounds(birthYear)
    const birthDate: IsoDate | undefined = random.chance(birthDateShare)
      ? fromDayNumber(random.int(b.start, b.end))
      : undefined

    const citizen: Citizen = {
      id: id as Pseudonym,
      birthYear,
      ...(birthDate === undefined ? {} : { birthDate }),
      departments: own,
      healthyLifeCentre,
      pathway: pathwayOf(random, own[0] ?? ""),
    }
    w.records.citizens.push(citizen)
    w.people.push({ citizen, propensity: random.uniform(0.6, 0.95), unit: own.length > 0 })
  }
}
