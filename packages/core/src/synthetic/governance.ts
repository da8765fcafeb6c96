/**
 * Governance and evaluation (Mestringsenhetens modell for aktivitet §Organisering, §Nye tilbud, §Evaluering
 * av modellen): proposals for new offerings and their escalations, the
 * departments' 20 % contributions to the activity team, and feedback from
 * employees, citizens and the experience council.
 *
 * @module
 */

import { dayNumber, fromDayNumber } from "../Calendar.js"
import type { Category } from "../Category.js"
import type { Feedback } from "../Feedback.js"
import type { OfferingProposal } from "../OfferingProposal.js"
import * as Policy from "../Policy.js"
import type { ResourceContribution } from "../ResourceContribution.js"
import { type Day, workday } from "./calendar.js"
import type { Random } from "./random.js"
import type { World } from "./world.js"

/** Proposals for new offerings per year. */
export const proposalsPerYear = 12
/** Feedback items per 1,500 citizens. */
export const feedbackPer1500 = 200

const titles = [
  "Svømmegruppe",
  "Sjakkgruppe",
  "Dansegruppe",
  "Fiskegruppe",
  "Matlagingskurs",
  "Sykkelgruppe",
  "Fotografigruppe",
  "Bordtennisgruppe",
  "Klatregruppe",
  "Fotballgruppe",
  "Hagegruppe",
  "Strikkekafé",
  "Boccia",
  "Friluftsgruppe",
  "Yoga for nybegynnere",
  "Musikkgruppe",
] as const

const declineReasons = [
  "Lite etterspørsel",
  "Mangler kapasitet i aktivitetsteamet",
  "Finnes allerede i lokalmiljøet",
  "Passer ikke i modellens kategorier",
] as const

const themes: Readonly<Record<Feedback["source"], ReadonlyArray<string>>> = {
  employee: [
    "henvisningsflyt",
    "kapasitet",
    "samarbeid med behandler",
    "studentmedvirkning",
    "ressursbidrag",
    "dokumentasjon",
    "overgang til lokalmiljøet",
  ],
  citizen: [
    "tidspunkt",
    "innhold",
    "sosialt fellesskap",
    "tilgjengelighet",
    "informasjon",
    "oppmøtested",
    "overgang til lokalmiljøet",
  ],
  "experience-council": [
    "brukermedvirkning",
    "tilgjengelighet",
    "informasjon",
    "likeverd",
    "overgang til lokalmiljøet",
  ],
}

const comments = [
  "Fint å ha et fast tidspunkt hver uke",
  "Ønsker flere tilbud på kveldstid",
  "Vanskelig å finne informasjon om tilbudene",
  "God stemning i gruppa",
  "Studentene bidrar godt",
  "Ventetiden fra henvisning til oppstart var lang",
  "Savner tilbud i sommerferien",
  "Trygt å ha med noen de første gangene",
] as const

const between = (random: Random, from: Day, to: Day): Day => {
  const d = workday(random.int(from, Math.max(from, to)))
  return Math.min(d, to)
}

const makeProposals = (w: World, random: Random): void => {
  const proposers = [
    ...w.staffOf("therapist"),
    ...w.staffOf("activity-team-member"),
    ...w.staffOf("peer-support-worker"),
    ...w.staffOf("activity-lead"),
  ]
  if (proposers.length === 0) return
  const chosen = random.sample(titles, proposalsPerYear)
  const latest = w.end - 75
  chosen.forEach((title, i) => {
    const date = between(random, w.start + 7, latest)
    const id = w.id("p")
    const departments = w.catalogue.departments.filter((d) => d.id !== w.activityDepartment)
    if (i === 0 && departments.length > 0) {
      // A department that wants a group of its own outside "department groups" may not start it: it goes to the activity lead.
      const dep = random.pick(departments).id
      const from = w.staffOf("department-staff", dep)
      const proposedBy = (from.length > 0 ? random.pick(from) : random.pick(proposers)).id
      w.records.proposals.push({
        id,
        title,
        date: fromDayNumber(date),
        proposedBy,
        proposedByDepartment: dep,
        category: "everyday",
        requested: true,
        escalation: {
          date: fromDayNumber(date + random.int(3, 14)),
          to: "activity-lead",
          outcome: random.pick(["pending", "approved", "declined"] as const),
        },
      })
      return
    }
    const category = random.weighted<Category>([
      ["everyday", 0.55],
      ["participation", 0.2],
      ["treatment", 0.2],
      ["department", 0.05],
    ])
    const requested = i === 1 || random.chance(0.6)
    const undecided = i > 2 && random.chance(0.15)
    const declined = i === 1 || (i !== 2 && random.chance(0.45))
    const decisionDay = date + random.int(7, 30)
    const proposal: OfferingProposal = {
      id,
      title,
      date: fromDayNumber(date),
      proposedBy: random.pick(proposers).id,
      category,
      requested,
      ...(undecided
        ? {}
        : {
            decision: {
              date: fromDayNumber(decisionDay),
              outcome: declined ? ("declined" as const) : ("approved" as const),
              ...(declined ? { reason: random.pick(declineReasons) } : {}),
            },
          }),
      ...(!undecided && declined && requested
        ? {
            escalation: {
              date: fromDayNumber(decisionDay + random.int(7, 30)),
              to: "extended-leadership-group" as const,
              outcome: random.weighted<"pending" | "approved" | "declined">([
                ["pending", 0.3],
                ["approved", 0.4],
                ["declined", 0.3],
              ]),
            },
          }
        : {}),
    }
    w.records.proposals.push(proposal)
  })
}

const makeContributions = (w: World, random: Random): void => {
  const modelStart = dayNumber(w.modelStart())
  const share = w.number(Policy.names.contributionPercent, fromDayNumber(Math.max(modelStart, w.start)))
  const from = modelStart > w.start && modelStart <= w.end ? modelStart : w.start
  const switcher = random.int(0, Math.max(0, w.catalogue.departments.length - 1))
  w.catalogue.departments.forEach((d, i) => {
    const staff = [...w.staffOf("department-staff", d.id), ...w.staffOf("therapist", d.id)]
    const contribution = (form: ResourceContribution["form"], start: Day, end?: Day): ResourceContribution => ({
      id: w.id("c"),
      department: d.id,
      from: fromDayNumber(start),
      ...(end === undefined ? {} : { to: fromDayNumber(end) }),
      sharePercent: share,
      form: staff.length === 0 ? "transferred-budget-post" : form,
      ...(form === "lent-position" && staff.length > 0 ? { staffId: random.pick(staff).id } : {}),
    })
    const first = random.chance(0.6) ? "lent-position" : "transferred-budget-post"
    const middle = dayNumber(`${w.year}-06-30`)
    if (i === switcher && random.chance(0.5) && middle > from) {
      // The department changes how it contributes halfway through the year.
      w.records.contributions.push(contribution(first, from, middle))
      w.records.contributions.push(
        contribution(first === "lent-position" ? "transferred-budget-post" : "lent-position", middle + 1),
      )
    } else {
      w.records.contributions.push(contribution(first, from))
    }
  })
}

const makeFeedback = (w: World, random: Random): void => {
  const count = Math.max(12, Math.round((feedbackPer1500 * w.people.length) / 1500))
  const offered = new Set(w.records.enrollments.map((e) => e.offeringId as string))
  const offerings = w.catalogue.offerings.filter((o) => offered.has(o.id))
  // The experience council meets four times a year.
  const councilDays = [3, 5, 9, 11].map((m) => workday(dayNumber(`${w.year}-${String(m).padStart(2, "0")}-10`)))
  for (let i = 0; i < count; i++) {
    const source = random.weighted<Feedback["source"]>([
      ["employee", 0.4],
      ["citizen", 0.45],
      ["experience-council", 0.15],
    ])
    const date = source === "experience-council" ? random.pick(councilDays) : between(random, w.start + 3, w.end - 3)
    const about = random.next()
    const offering = about < 0.45 && offerings.length > 0 ? random.pick(offerings) : undefined
    const category: Category | undefined =
      offering !== undefined
        ? offering.category
        : about < 0.7
          ? random.pick(["treatment", "everyday", "participation", "department"] as const)
          : undefined
    const rating = random.chance(0.85)
      ? random.weighted<number>([
          [1, 0.04],
          [2, 0.08],
          [3, 0.2],
          [4, 0.38],
          [5, 0.3],
        ])
      : undefined
    w.records.feedback.push({
      id: w.id("b"),
      source,
      date: fromDayNumber(Math.min(date, w.end)),
      ...(offering === undefined ? {} : { offeringId: offering.id }),
      ...(category === undefined ? {} : { category }),
      theme: random.pick(themes[source]),
      ...(rating === undefined ? {} : { rating }),
      ...(random.chance(0.4) ? { comment: random.pick(comments) } : {}),
    })
  }
}

/**
 * Generates the year's proposals, contributions and feedback.
 * @example
 * makeGovernance(world)
 * @category constructors
 */
export const makeGovernance = (w: World): void => {
  const random = w.random.fork("governance")
  makeProposals(w, random)
  makeContributions(w, random)
  makeFeedback(w, random)
}
