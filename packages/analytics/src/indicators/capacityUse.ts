/**
 * Capacity use: how full the sessions are, against the places offered.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { joinBy, rollupBy, withRate, zeroFill } from "../internal/group.js"
import { bi } from "../internal/text.js"

/**
 * Sessions held, attendances where the citizen came, attendances per session
 * and, where a capacity (places per session) is known for the offering, the
 * places offered and the share used. Offerings without a known capacity count
 * in sessions and attendances but not in places or use. Mestringsenhetens modell for aktivitet, line 12: the
 * unit will increase the capacity of its activity offerings.
 * @example
 * Indicator.compute(capacityUse, Tables.fromDataset(year, { capacity: { sandneshallen: 25 } }), { by: ["offering"] })
 * @category indicators
 */
export const capacityUse: Indicator<"capacityUse"> = {
  id: "capacityUse",
  name: bi("Kapasitetsutnyttelse", "Capacity use"),
  definition: {
    numerator: bi(
      "Oppmøter der innbyggeren kom (i tilbud med kjent kapasitet)",
      "Attendances where the citizen came (in offerings of known capacity)",
    ),
    denominator: bi("Plasser: samlinger × plasser per samling", "Places: sessions × places per session"),
    unit: bi("andel, og oppmøter per samling", "share, and attendances per session"),
    period: bi("Datoen for samlingen", "The session's date"),
    note: bi(
      "Katalogen har ikke kapasitet; den oppgis per tilbud når tabellene bygges.",
      "The catalogue holds no capacities; they are given per offering when the tables are built.",
    ),
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Prosjektets mål",
    lines: "12",
    fact: bi(
      "Mestringsenheten vil øke kapasiteten på aktivitetstilbudene",
      "The unit will increase the capacity of its activity offerings",
    ),
  },
  measures: [
    { column: "sessions", label: bi("Samlinger", "Sessions"), kind: "count", unit: "sessions" },
    { column: "present", label: bi("Oppmøter", "Attendances"), kind: "count", unit: "attendances", of: "present" },
    { column: "citizens", label: bi("Deltakere", "Participants"), kind: "persons", unit: "persons", set: "present" },
    {
      column: "perSession",
      label: bi("Oppmøter per samling", "Attendances per session"),
      kind: "statistic",
      unit: "per-session",
      over: ["present"],
    },
    {
      column: "presentInPlaces",
      label: bi("Oppmøter i tilbud med kjent kapasitet", "Attendances in offerings of known capacity"),
      kind: "statistic",
      unit: "attendances",
      over: ["present"],
    },
    { column: "places", label: bi("Plasser", "Places"), kind: "statistic", unit: "places", over: [] },
    {
      column: "use",
      label: bi("Utnyttelse", "Use"),
      kind: "rate",
      unit: "share",
      numerator: "presentInPlaces",
      denominator: "places",
    },
  ],
  headline: "perSession",
  compute: (tables, by) => {
    const capacity = tables.offerings.select("offering", "capacity")
    const withOffering = by.includes("offering") ? by : [...by, "offering"]
    // Per offering first, so that each offering's capacity applies to its own sessions.
    const sessions = rollupBy(tables.sessions, withOffering, { sessions: op.count() })
    // Grouped by offering already: count citizens in the same pass over attendance.
    const sameGrouping = withOffering === by
    const present = rollupBy(
      tables.attendance,
      withOffering,
      sameGrouping ? { present: op.count(), citizens: op.distinct("citizen") } : { present: op.count() },
      { filter: "d => d.present === 1" },
    )
    const perOffering = zeroFill(joinBy(sessions, present, withOffering), [
      "sessions",
      "present",
      ...(sameGrouping ? ["citizens"] : []),
    ])
      .lookup(capacity, "offering", "capacity")
      .derive({
        places: "d => d.capacity == null ? null : d.sessions * d.capacity",
        presentInPlaces: "d => d.capacity == null ? null : d.present",
      })
    const joined = sameGrouping
      ? perOffering
      : zeroFill(
          joinBy(
            rollupBy(perOffering, by, {
              sessions: op.sum("sessions"),
              present: op.sum("present"),
              places: op.sum("places"),
              presentInPlaces: op.sum("presentInPlaces"),
            }),
            rollupBy(tables.attendance, by, { citizens: op.distinct("citizen") }, { filter: "d => d.present === 1" }),
            by,
          ),
          ["sessions", "present", "citizens"],
        )
    return withRate(withRate(joined, "perSession", "present", "sessions"), "use", "presentInPlaces", "places")
  },
}
