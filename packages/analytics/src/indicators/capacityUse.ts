/**
 * Capacity use: how full the sessions are, against the places offered.
 *
 * @module
 */
import * as aq from "arquero"
import { op } from "arquero"
import type { Dimension } from "../Dimension.js"
import { type Indicator, rate } from "../Indicator.js"
import { joinBy, rollupBy, severalMunicipalities, withRate, zeroFill } from "../internal/group.js"
import { type CitizenMeasure, citizenRollup } from "../internal/passes/citizenRollup.js"
import { events, persons, share, statistic } from "./measures.js"

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
export const capacityUse: Indicator<"capacityUse"> = rate({
  id: "capacityUse",
  name: { nb: "Kapasitetsutnyttelse", en: "Capacity use" },
  definition: {
    numerator: {
      nb: "Oppmøter der innbyggeren kom (i tilbud med kjent kapasitet)",
      en: "Attendances where the citizen came (in offerings of known capacity)",
    },
    denominator: { nb: "Plasser: samlinger × plasser per samling", en: "Places: sessions × places per session" },
    unit: { nb: "andel, og oppmøter per samling", en: "share, and attendances per session" },
    period: { nb: "Datoen for samlingen", en: "The session's date" },
    note: {
      nb: "Katalogen har ikke kapasitet; den oppgis per tilbud når tabellene bygges.",
      en: "The catalogue holds no capacities; they are given per offering when the tables are built.",
    },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Prosjektets mål",
    lines: "12",
    fact: {
      nb: "Mestringsenheten vil øke kapasiteten på aktivitetstilbudene",
      en: "The unit will increase the capacity of its activity offerings",
    },
  },
  measures: [
    events("sessions", { nb: "Samlinger", en: "Sessions" }, "sessions"),
    events("present", { nb: "Oppmøter", en: "Attendances" }, "attendances", "present"),
    persons("citizens", { nb: "Deltakere", en: "Participants" }, "present", "persons"),
    statistic("perSession", { nb: "Oppmøter per samling", en: "Attendances per session" }, "per-session", ["present"]),
    statistic(
      "presentInPlaces",
      { nb: "Oppmøter i tilbud med kjent kapasitet", en: "Attendances in offerings of known capacity" },
      "attendances",
      ["present"],
    ),
    statistic("places", { nb: "Plasser", en: "Places" }, "places", []),
    share("use", { nb: "Utnyttelse", en: "Use" }, "presentInPlaces", "places"),
  ],
  headline: "perSession",
  counts: (tables, by) => {
    // Offering ids repeat across municipalities: each municipality's capacity
    // applies to its own sessions, so the offering is then keyed with its municipality.
    const several = severalMunicipalities(tables)
    const keyed: ReadonlyArray<Dimension> = several && !by.includes("municipality") ? ["municipality", ...by] : by
    const withOffering = keyed.includes("offering") ? keyed : [...keyed, "offering"]
    const capacityKey = "d => op.to_json([d.municipality, d.offering])"
    const capacity = several
      ? tables.offerings.derive({ capacityKey }).select("capacityKey", "capacity")
      : tables.offerings.select("offering", "capacity")
    // Per offering first, so that each offering's capacity applies to its own sessions.
    const sessions = rollupBy(tables.sessions, withOffering, { sessions: op.count() })
    // Grouped by offering already: count citizens in the same pass over attendance.
    const sameGrouping = withOffering.length === by.length
    const measures: ReadonlyArray<readonly [string, CitizenMeasure]> = sameGrouping
      ? [
          ["present", "rows"],
          ["citizens", "citizens"],
        ]
      : [["present", "rows"]]
    // One fused pass over the attendance rows; the rollup where a column is of another kind.
    const present =
      citizenRollup(tables.attendance, withOffering, "present", measures) ??
      rollupBy(
        tables.attendance,
        withOffering,
        sameGrouping ? { present: op.count(), citizens: op.distinct("citizen") } : { present: op.count() },
        { where: [{ column: "present", is: "equal", value: 1 }] },
      )
    const counted = zeroFill(joinBy(sessions, present, withOffering), [
      "sessions",
      "present",
      ...(sameGrouping ? ["citizens"] : []),
    ])
    const perOffering = (
      several
        ? counted.derive({ capacityKey }).lookup(capacity, "capacityKey", "capacity").select(aq.not("capacityKey"))
        : counted.lookup(capacity, "offering", "capacity")
    ).derive({
      places: "d => d.capacity == null ? null : d.sessions * d.capacity",
      presentInPlaces: "d => d.capacity == null ? null : d.present",
    })
    // Zero-filled (sessions, present, citizens) and divided (use) by Indicator.rate.
    return sameGrouping
      ? perOffering
      : joinBy(
          rollupBy(perOffering, by, {
            sessions: op.sum("sessions"),
            present: op.sum("present"),
            places: op.sum("places"),
            presentInPlaces: op.sum("presentInPlaces"),
          }),
          citizenRollup(tables.attendance, by, "present", [["citizens", "citizens"]]) ??
            rollupBy(
              tables.attendance,
              by,
              { citizens: op.distinct("citizen") },
              { where: [{ column: "present", is: "equal", value: 1 }] },
            ),
          by,
        )
  },
  // A statistic, not a rate of people, but divided the same way.
  derive: (filled) => withRate(filled, "perSession", "present", "sessions"),
})
