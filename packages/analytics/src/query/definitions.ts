/**
 * The indicators of the catalogue that a query description states exactly,
 * each beside the arquero code in `src/indicators/` it mirrors. Tests assert,
 * for every grouping, that the description gives the same table as the
 * indicator's own `compute`. Indicators that need joins between tables,
 * a citizen's history or date arithmetic carry hand-written SQL instead
 * (`HandWritten.ts`: days from referral to first session, Recoveryhjelpa,
 * community transition, new and returning citizens). Capacity use and
 * department contributions (they read the offerings' capacity and the
 * departments' contributions, tables `Schema` does not hold yet) have
 * neither yet.
 *
 * @module
 */
import { Collections } from "@aktivitetsmodell/core"
import type { Dimension } from "../Dimension.js"
import type { Condition, Operator, Query } from "./Query.js"

const allDimensions: ReadonlyArray<Dimension> = ["municipality", "offering", "category", "department", "month", "year"]
const inPeriod = (column: string): Condition => ({ kind: "inPeriod", column })
const is = (column: string, value: string | number): Condition => ({ kind: "compare", column, op: "=", value })
const compare = (column: string, op: Operator, value: number): Condition => ({ kind: "compare", column, op, value })

/**
 * Attendance rate (see `Indicators.catalogue.attendanceRate`).
 * @category models
 */
export const attendanceRate: Query = {
  id: "attendanceRate",
  dimensions: allDimensions,
  parts: [
    {
      from: "attendance",
      where: [inPeriod("day")],
      aggregates: [
        { kind: "countDistinct", as: "citizens", column: "citizen" },
        { kind: "count", as: "booked" },
        { kind: "sum", as: "present", column: "present" },
        { kind: "sum", as: "noShow", column: "noShow" },
      ],
    },
  ],
  derived: [{ kind: "ratio", as: "rate", numerator: "present", denominator: "booked" }],
  output: ["citizens", "booked", "present", "noShow", "rate"],
}

/**
 * Participation (see `Indicators.catalogue.participation`).
 * @category models
 */
export const participation: Query = {
  id: "participation",
  dimensions: allDimensions,
  parts: [
    { from: "sessions", where: [inPeriod("day")], aggregates: [{ kind: "count", as: "sessions" }] },
    {
      from: "attendance",
      where: [inPeriod("day"), is("present", 1)],
      aggregates: [
        { kind: "countDistinct", as: "participants", column: "citizen" },
        { kind: "count", as: "attendances" },
      ],
    },
  ],
  derived: [],
  output: ["participants", "attendances", "sessions"],
}

/**
 * Completion rate (see `Indicators.catalogue.completionRate`).
 * @category models
 */
export const completionRate: Query = {
  id: "completionRate",
  dimensions: allDimensions,
  parts: [
    {
      from: "enrollments",
      where: [inPeriod("closed")],
      columns: { month: "closedMonth", year: "closedYear" },
      // Only enrollments that can end as completed count (see Tables' hasCompletion).
      aggregates: [
        { kind: "countIf", as: "ended", where: [is("hasCompletion", 1)] },
        { kind: "countIf", as: "completed", where: [is("hasCompletion", 1), is("completed", 1)] },
      ],
    },
  ],
  derived: [
    { kind: "difference", as: "withdrawn", from: "ended", minus: ["completed"] },
    { kind: "ratio", as: "rate", numerator: "completed", denominator: "ended" },
  ],
  output: ["ended", "completed", "withdrawn", "rate"],
}

/**
 * Goal attainment (see `Indicators.catalogue.goalAttainment`): the last
 * evaluation of each enrollment, when it falls in the period.
 * @category models
 */
export const goalAttainment: Query = {
  id: "goalAttainment",
  dimensions: allDimensions,
  parts: [
    {
      from: "goalEvaluations",
      latest: { partition: "enrollment", order: "order" },
      where: [
        { kind: "compare", column: "enrollment", op: ">=", value: 0 },
        is("category", "treatment"),
        inPeriod("day"),
      ],
      aggregates: [
        { kind: "count", as: "evaluated" },
        { kind: "countIf", as: "reached", where: [is("goalReached", "yes")] },
        { kind: "countIf", as: "partly", where: [is("goalReached", "partly")] },
      ],
    },
  ],
  derived: [
    { kind: "difference", as: "notReached", from: "evaluated", minus: ["reached", "partly"] },
    { kind: "ratio", as: "rate", numerator: "reached", denominator: "evaluated" },
  ],
  output: ["evaluated", "reached", "partly", "notReached", "rate"],
}

/**
 * Extension rate (see `Indicators.catalogue.extensionRate`): treatments that
 * started in the period, and those of them with an extension.
 * @category models
 */
export const extensionRate: Query = {
  id: "extensionRate",
  dimensions: allDimensions,
  parts: [
    {
      from: "enrollments",
      where: [is("category", "treatment"), inPeriod("start")],
      columns: { month: "startMonth", year: "startYear" },
      aggregates: [
        { kind: "count", as: "enrollments" },
        {
          kind: "countIf",
          as: "extended",
          where: [{ kind: "in", column: "enrollment", table: "extensions", key: "enrollment" }],
        },
      ],
    },
  ],
  derived: [{ kind: "ratio", as: "rate", numerator: "extended", denominator: "enrollments" }],
  output: ["enrollments", "extended", "rate"],
}

/**
 * FIT SRS alerts (see `Indicators.catalogue.srsAlerts`): forms flagged
 * below the alert threshold of their date (`srsAlert`).
 * @category models
 */
export const srsAlerts: Query = {
  id: "srsAlerts",
  dimensions: allDimensions,
  parts: [
    {
      from: "fitScores",
      where: [is("instrument", "SRS"), inPeriod("day")],
      aggregates: [
        { kind: "count", as: "forms" },
        { kind: "sum", as: "alerts", column: "srsAlert" },
        { kind: "countDistinct", as: "citizens", column: "citizen" },
      ],
    },
    {
      from: "fitScores",
      where: [is("instrument", "SRS"), inPeriod("day"), is("srsAlert", 1)],
      aggregates: [{ kind: "countDistinct", as: "citizensAlerted", column: "citizen" }],
    },
  ],
  derived: [{ kind: "ratio", as: "rate", numerator: "alerts", denominator: "forms" }],
  output: ["forms", "alerts", "rate", "citizens", "citizensAlerted"],
}

/**
 * FIT ORS change (see `Indicators.catalogue.orsChange`): per citizen with two
 * or more ORS forms in the period, the change from the first to the last,
 * against the thresholds of the forms' own dates (the first form's clinical
 * flag, the last form's clinical flag and reliable change).
 * @category models
 */
export const orsChange: Query = {
  id: "orsChange",
  // Not by month: a change needs two forms, usually months apart.
  dimensions: ["municipality", "offering", "category", "department", "year"],
  parts: [
    {
      from: "fitScores",
      where: [is("instrument", "ORS"), inPeriod("day")],
      per: {
        column: "citizen",
        aggregates: [
          { kind: "count", as: "forms" },
          { kind: "first", as: "first", column: "total", order: "order" },
          { kind: "last", as: "last", column: "total", order: "order" },
          { kind: "first", as: "firstClinical", column: "orsClinical", order: "order" },
          { kind: "last", as: "lastClinical", column: "orsClinical", order: "order" },
          { kind: "last", as: "reliable", column: "reliableChange", order: "order" },
        ],
        // Improved: change >= reliable, as change - reliable >= 0; deteriorated:
        // change <= -reliable, as (first - last) - reliable >= 0 (the same in
        // floating point: a - b >= 0 exactly when a >= b).
        derived: [
          { kind: "difference", as: "change", from: "last", minus: ["first"] },
          { kind: "difference", as: "gain", from: "change", minus: ["reliable"] },
          { kind: "difference", as: "drop", from: "first", minus: ["last"] },
          { kind: "difference", as: "loss", from: "drop", minus: ["reliable"] },
        ],
        having: [compare("forms", ">=", 2)],
      },
      aggregates: [
        { kind: "count", as: "citizens" },
        { kind: "mean", as: "meanChange", column: "change" },
        { kind: "countIf", as: "improved", where: [compare("gain", ">=", 0)] },
        { kind: "countIf", as: "clinicalStart", where: [compare("firstClinical", "=", 1)] },
        {
          kind: "countIf",
          as: "recovered",
          where: [compare("firstClinical", "=", 1), compare("lastClinical", "=", 0), compare("gain", ">=", 0)],
        },
        { kind: "countIf", as: "deteriorated", where: [compare("loss", ">=", 0)] },
      ],
    },
  ],
  derived: [
    { kind: "ratio", as: "improvedRate", numerator: "improved", denominator: "citizens" },
    { kind: "ratio", as: "recoveredRate", numerator: "recovered", denominator: "clinicalStart" },
    { kind: "ratio", as: "deterioratedRate", numerator: "deteriorated", denominator: "citizens" },
  ],
  output: [
    "citizens",
    "meanChange",
    "improved",
    "improvedRate",
    "clinicalStart",
    "recovered",
    "recoveredRate",
    "deteriorated",
    "deterioratedRate",
  ],
}

/**
 * Student and volunteer involvement (see `Indicators.catalogue.involvement`).
 * @category models
 */
export const involvement: Query = {
  id: "involvement",
  dimensions: allDimensions,
  parts: [
    {
      from: "sessions",
      where: [inPeriod("day")],
      aggregates: [
        { kind: "count", as: "sessions" },
        { kind: "countIf", as: "withStudents", where: [{ kind: "compare", column: "students", op: ">", value: 0 }] },
        { kind: "sum", as: "students", column: "students" },
        {
          kind: "countIf",
          as: "withVolunteers",
          where: [{ kind: "compare", column: "volunteers", op: ">", value: 0 }],
        },
        { kind: "sum", as: "volunteers", column: "volunteers" },
      ],
    },
  ],
  derived: [
    { kind: "ratio", as: "studentShare", numerator: "withStudents", denominator: "sessions" },
    { kind: "ratio", as: "volunteerShare", numerator: "withVolunteers", denominator: "sessions" },
  ],
  output: ["sessions", "withStudents", "studentShare", "students", "withVolunteers", "volunteerShare", "volunteers"],
}

/**
 * Feedback by source (see `Indicators.catalogue.feedbackSummary`).
 * @category models
 */
export const feedbackSummary: Query = {
  id: "feedbackSummary",
  dimensions: ["source", ...allDimensions],
  parts: [
    {
      from: "feedback",
      where: [inPeriod("day")],
      aggregates: [
        { kind: "count", as: "responses" },
        { kind: "countValid", as: "rated", column: "rating" },
        { kind: "mean", as: "meanRating", column: "rating" },
        { kind: "countIf", as: "good", where: [{ kind: "compare", column: "rating", op: ">=", value: 4 }] },
      ],
    },
  ],
  derived: [{ kind: "ratio", as: "goodShare", numerator: "good", denominator: "rated" }],
  output: ["responses", "rated", "meanRating", "good", "goodShare"],
}

/**
 * Enrollments reported to KPR (see `Indicators.catalogue.kprReportable`):
 * those in a reported service that started in the period, and those the
 * register would lack something for.
 * @category models
 */
export const kprReportable: Query = {
  id: "kprReportable",
  dimensions: ["municipality", "offering", "category", "department", "kprService", "month", "year"],
  parts: [
    {
      from: "enrollments",
      where: [{ kind: "present", column: "kprService" }, inPeriod("start")],
      columns: { month: "startMonth", year: "startYear" },
      aggregates: [
        { kind: "count", as: "decisions" },
        { kind: "sum", as: "incomplete", column: "kprIncomplete" },
      ],
    },
  ],
  derived: [{ kind: "ratio", as: "incompleteRate", numerator: "incomplete", denominator: "decisions" }],
  output: ["decisions", "incomplete", "incompleteRate"],
}

/**
 * The described indicators by id.
 * @example
 * Object.keys(Query.definitions) // ["participation", "attendanceRate", …]
 * @category models
 */
export const definitions = Collections.deepFreeze({
  participation,
  attendanceRate,
  completionRate,
  goalAttainment,
  extensionRate,
  orsChange,
  srsAlerts,
  involvement,
  feedbackSummary,
  kprReportable,
} as const)

/**
 * The id of a described indicator.
 * @category models
 */
export type DescribedId = keyof typeof definitions
