/**
 * Decisions reportable to KPR: services granted by individual decision that
 * the municipality reports to Kommunalt pasient- og brukerregister, by their
 * service type in Volven 9151.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy } from "../internal/group.js"
import type { Where } from "../internal/kernel/where.js"
import { keptSums } from "../internal/passes/keptSums.js"
import { persons, share } from "./measures.js"

/**
 * Enrollments that started in the period in an offering the reporting
 * crosswalk marks as reportable to KPR (`Crosswalk.reportable`), counted by
 * the offering's service type (`kprService`) and the month the service
 * started. Each enrollment is one decision: the model records a service
 * granted by decision as an enrollment in the offering. Of these, those the
 * register could not take as they stand (`KprCheck.check` finds a problem:
 * no decision, an unknown citizen, no end date …). Mestringsenhetens modell for aktivitet, line 145:
 * Aktivitetskontakt is a statutory service granted by individual decision.
 * @example
 * Indicator.compute(kprReportable, tables, { by: ["kprService", "month"] })
 * @category indicators
 */
export const kprReportable: Indicator<"kprReportable"> = rate({
  id: "kprReportable",
  name: { nb: "Vedtak som skal rapporteres til KPR", en: "Decisions reportable to KPR" },
  definition: {
    numerator: {
      nb: "Vedtak: deltakelser i tilbud som rapporteringsnøkkelen melder til KPR (tildelt ved enkeltvedtak), etter tjenestetype i Volven 9151; med mangler: de KPR ikke kan ta imot slik de står (KprCheck)",
      en: "Decisions: enrollments in offerings the reporting crosswalk reports to KPR (granted by individual decision), by service type in Volven 9151; incomplete: those KPR could not take as they stand (KprCheck)",
    },
    denominator: { nb: "Vedtak (for andelen med mangler)", en: "Decisions (for the share incomplete)" },
    unit: { nb: "vedtak (deltakelser) og andel", en: "decisions (enrollments) and share" },
    period: { nb: "Startdatoen for tjenesten", en: "The day the service started" },
    note: {
      nb: "Hvilke tilbud som rapporteres, og med hvilken kode, står i rapporteringsnøkkelen (catalogue/crosswalk.json); Aktivitetskontakt som støttekontakt er en tolkning.",
      en: "Which offerings are reported, and under which code, is the crosswalk's to say (catalogue/crosswalk.json); Aktivitetskontakt as støttekontakt is an interpretation.",
    },
  },
  dimensions: ["municipality", "offering", "category", "department", "kprService", "month", "year"],
  defaultBy: ["kprService"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Hjelp til å bli mer deltagende i samfunnet",
    lines: "145",
    fact: {
      nb: "Aktivitetskontakt er en lovfestet tjeneste med kriterier for tildeling av enkeltvedtak",
      en: "Aktivitetskontakt is a statutory service with criteria for granting an individual decision",
    },
  },
  measures: [
    persons("decisions", { nb: "Vedtak", en: "Decisions" }, "kprDecisions", "records"),
    persons("incomplete", { nb: "Med mangler", en: "Incomplete" }, "kprIncomplete", "records"),
    share("incompleteRate", { nb: "Andel med mangler", en: "Share incomplete" }, "incomplete", "decisions"),
  ],
  headline: "decisions",
  // One pass over the reported enrollments where their columns allow it, else the kernel.
  counts: (tables, by) => {
    const columns = { month: "startMonth", year: "startYear" }
    const where: Where = [
      { column: "kprService", is: "present" },
      daysWithin("start", tables.days.from, tables.days.to),
    ]
    const keys = by.map((d) => (d === "month" ? columns.month : d === "year" ? columns.year : d))
    return (
      keptSums(tables.enrollments, by, keys, where, "kprIncomplete", { rows: "decisions", sum: "incomplete" }) ??
      rollupBy(
        tables.enrollments,
        by,
        { decisions: op.count(), incomplete: op.sum("kprIncomplete") },
        { columns, where },
      )
    )
  },
})
