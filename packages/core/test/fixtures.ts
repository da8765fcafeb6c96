// A tiny, hand-built municipality-year that satisfies every invariant:
// one treatment at Mudo with an extension, one yoga course, one everyday
// participant and one department-group participant. Tests break it on purpose.
import { Catalogue, type Dataset } from "../src/index.js"

export const ids = {
  anna: "a0000000000000000000000000000001",
  bo: "b0000000000000000000000000000002",
  cato: "c0000000000000000000000000000003",
} as const

export const tinyYear = (): Dataset.Dataset => {
  const catalogue = Catalogue.sandnes()
  const data = {
    year: 2024,
    departments: catalogue.departments,
    offerings: catalogue.offerings,
    citizens: [
      {
        id: ids.anna,
        birthYear: 1990,
        birthDate: "1990-04-02",
        departments: ["psykisk-helse"],
        healthyLifeCentre: false,
        pathway: 2,
      },
      { id: ids.bo, birthYear: 1985, departments: ["rus-og-avhengighet"], healthyLifeCentre: false, pathway: 3 },
      { id: ids.cato, birthYear: 2000, departments: [], healthyLifeCentre: true, pathway: 1 },
    ],
    staff: [
      { id: "s-lead", role: "activity-lead", department: "rpha" },
      { id: "s-ther", role: "therapist", department: "psykisk-helse" },
      { id: "s-team", role: "activity-team-member", department: "rpha" },
    ],
    referrals: [
      {
        id: "r-1",
        citizenId: ids.anna,
        therapistId: "s-ther",
        offeringId: "individuell-trening-mudo",
        date: "2024-01-08",
      },
      {
        id: "r-2",
        citizenId: ids.anna,
        therapistId: "s-ther",
        offeringId: "mindfull-restorative-yoga",
        date: "2024-04-01",
      },
    ],
    jointMeetings: [
      {
        id: "m-1",
        referralId: "r-1",
        citizenId: ids.anna,
        therapistId: "s-ther",
        teamMemberId: "s-team",
        date: "2024-01-15",
        goal: { text: "Trene to ganger i uka" },
      },
      {
        id: "m-2",
        referralId: "r-2",
        citizenId: ids.anna,
        therapistId: "s-ther",
        teamMemberId: "s-team",
        date: "2024-04-08",
        goal: { text: "Sove bedre" },
      },
    ],
    episodes: [{ id: "e-1", referralId: "r-1", citizenId: ids.anna, therapistId: "s-ther", date: "2024-01-16" }],
    enrollments: [
      // Mudo: 4 weeks from Monday 22 January, extended once by 4 weeks.
      {
        id: "n-1",
        citizenId: ids.anna,
        offeringId: "individuell-trening-mudo",
        start: "2024-01-22",
        end: "2024-02-18",
        referralId: "r-1",
        status: "completed",
        closedOn: "2024-03-17",
      },
      {
        id: "n-2",
        citizenId: ids.anna,
        offeringId: "mindfull-restorative-yoga",
        start: "2024-04-10",
        end: "2024-05-01",
        referralId: "r-2",
        status: "ongoing",
      },
      { id: "n-3", citizenId: ids.cato, offeringId: "helarsbading", start: "2024-01-03", status: "ongoing" },
      { id: "n-4", citizenId: ids.bo, offeringId: "baltur-rus-og-avhengighet", start: "2024-05-01", status: "ongoing" },
    ],
    sessions: [
      {
        id: "x-1",
        offeringId: "individuell-trening-mudo",
        date: "2024-01-22",
        staffIds: ["s-team"],
        students: 0,
        volunteers: 0,
      },
      {
        id: "x-2",
        offeringId: "individuell-trening-mudo",
        date: "2024-01-25",
        staffIds: ["s-team"],
        students: 0,
        volunteers: 0,
      },
      {
        id: "x-3",
        offeringId: "individuell-trening-mudo",
        date: "2024-03-05",
        staffIds: ["s-team"],
        students: 0,
        volunteers: 0,
      },
      { id: "x-4", offeringId: "helarsbading", date: "2024-01-10", staffIds: ["s-team"], students: 2, volunteers: 0 },
    ],
    attendance: [
      {
        id: "a-1",
        sessionId: "x-1",
        enrollmentId: "n-1",
        citizenId: ids.anna,
        offeringId: "individuell-trening-mudo",
        date: "2024-01-22",
        status: "present",
      },
      {
        id: "a-2",
        sessionId: "x-2",
        enrollmentId: "n-1",
        citizenId: ids.anna,
        offeringId: "individuell-trening-mudo",
        date: "2024-01-25",
        status: "no-show",
      },
      {
        id: "a-3",
        sessionId: "x-3",
        enrollmentId: "n-1",
        citizenId: ids.anna,
        offeringId: "individuell-trening-mudo",
        date: "2024-03-05",
        status: "present",
      },
      {
        id: "a-4",
        sessionId: "x-4",
        enrollmentId: "n-3",
        citizenId: ids.cato,
        offeringId: "helarsbading",
        date: "2024-01-10",
        status: "present",
      },
    ],
    extensions: [{ id: "f-1", enrollmentId: "n-1", date: "2024-02-16", newEnd: "2024-03-17" }],
    goalEvaluations: [
      {
        id: "g-1",
        enrollmentId: "n-1",
        therapistId: "s-ther",
        date: "2024-02-16",
        goalReached: "partly",
        decision: "extend",
      },
      {
        id: "g-2",
        enrollmentId: "n-1",
        therapistId: "s-ther",
        date: "2024-03-17",
        goalReached: "yes",
        decision: "completed",
      },
    ],
    transitions: [
      {
        id: "t-1",
        citizenId: ids.anna,
        fromOfferingId: "individuell-trening-mudo",
        enrollmentId: "n-1",
        date: "2024-03-20",
        destination: "Treningssenter",
        kind: "membership",
      },
    ],
    fitScores: [],
    proposals: [],
    contributions: [
      {
        id: "c-1",
        department: "psykisk-helse",
        from: "2023-03-09",
        sharePercent: 20,
        form: "lent-position",
        staffId: "s-team",
      },
      {
        id: "c-2",
        department: "rus-og-avhengighet",
        from: "2023-03-09",
        sharePercent: 20,
        form: "transferred-budget-post",
      },
      { id: "c-3", department: "rpha", from: "2023-03-09", sharePercent: 20, form: "lent-position" },
    ],
    feedback: [],
  }
  return data as unknown as Dataset.Dataset
}

/** A deep copy that a test may change freely. */
// biome-ignore lint/suspicious/noExplicitAny: the test breaks the data into shapes no type allows
export const mutable = (d: Dataset.Dataset): any => structuredClone(d)
