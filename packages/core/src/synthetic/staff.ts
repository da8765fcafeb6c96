/**
 * The staff roster: the activity lead, therapists in every department, the
 * activity team, peer-support workers, students, Blå Kors volunteers and
 * department staff (Mestringsenhetens modell for aktivitet §Organisering, §Frivillighet).
 *
 * @module
 */
import type { DepartmentId } from "../Department.js"
import type { Staff } from "../Staff.js"
import type { World } from "./world.js"

/** How many therapists each Sandnes department has, by share. */
const therapistShare: Readonly<Record<string, number>> = {
  "psykisk-helse": 0.4,
  "rus-og-avhengighet": 0.35,
  rpha: 0.25,
}

/** Roster sizes: about 1 lead, 40 therapists, 8 team members, 4 peer-support workers, 20 students, 15 volunteers, 2 staff per department. */
export const rosterSize = {
  therapists: 40,
  teamMembers: 8,
  peerSupportWorkers: 4,
  students: 20,
  volunteers: 15,
  departmentStaffPerDepartment: 2,
} as const

/** The volunteer organisation of Inkludert (Mestringsenhetens modell for aktivitet §Frivillighet). */
export const volunteerOrganisation = "Blå Kors"

/**
 * Builds the staff roster with ids `s-001`, `s-002`, …
 * @example
 * makeStaff(world)
 * @category constructors
 */
export const makeStaff = (w: World): void => {
  let n = 0
  const add = (role: Staff["role"], extra: { department?: DepartmentId; organisation?: string }) => {
    n += 1
    w.addStaff({ id: `s-${String(n).padStart(3, "0")}`, role, ...extra })
  }
  const team = w.activityDepartment
  const departments = w.catalogue.departments.map((d) => d.id)

  add("activity-lead", { department: team })

  const shares = departments.map((d) => therapistShare[d] ?? 1 / departments.length)
  const sum = shares.reduce((a, b) => a + b, 0)
  departments.forEach((d, i) => {
    const count = Math.max(1, Math.round((rosterSize.therapists * (shares[i] ?? 0)) / sum))
    for (let k = 0; k < count; k++) add("therapist", { department: d })
  })
  for (let k = 0; k < rosterSize.teamMembers; k++) add("activity-team-member", { department: team })
  for (let k = 0; k < rosterSize.peerSupportWorkers; k++) add("peer-support-worker", { department: team })
  for (let k = 0; k < rosterSize.students; k++) add("student", { department: team })
  for (let k = 0; k < rosterSize.volunteers; k++) add("volunteer", { organisation: volunteerOrganisation })
  for (const d of departments) {
    for (let k = 0; k < rosterSize.departmentStaffPerDepartment; k++) add("department-staff", { department: d })
  }
}
