import { Indicator, Indicators, Labels, Provenance, Publish, Tables } from "@aktivitetsmodell/analytics"
import { type Catalogue, Category, type Policy } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { el } from "./dom.js"
import * as label from "./labels.js"

export const syntheticYear = { seed: 1, year: 2024, citizens: 1500 } as const

type Row = Record<string, unknown>

const show = (value: unknown, kind: "persons" | "rate") =>
  typeof value !== "number" || !Number.isFinite(value)
    ? "–"
    : kind === "rate"
      ? label.percent(value)
      : label.number(value)

// Where the indicator does not apply (completion in open groups), the cell says so: never 0 %.
const cell = (published: Publish.Published, row: number, column: string, kind: "persons" | "rate") =>
  published.notApplicable?.[row] === true
    ? label.notApplicable
    : show((published.table.objects()[row] as Row | undefined)?.[column], kind)

/** The indicators shown as tiles: the indicator, its headline column and how it prints. */
const tiles = [
  [Indicators.catalogue.participation, "participants", "persons"],
  [Indicators.catalogue.attendanceRate, "rate", "rate"],
  [Indicators.catalogue.completionRate, "rate", "rate"],
  [Indicators.catalogue.communityTransition, "rate", "rate"],
  [Indicators.catalogue.goalAttainment, "rate", "rate"],
  [Indicators.catalogue.orsChange, "improvedRate", "rate"],
] as const

/** The columns of the per-category table. */
const columns = [
  [Indicators.catalogue.participation, "participants", "persons"],
  [Indicators.catalogue.attendanceRate, "rate", "rate"],
  [Indicators.catalogue.completionRate, "rate", "rate"],
  [Indicators.catalogue.communityTransition, "rate", "rate"],
] as const

/** Generates the synthetic year and shows its key indicators, small cells suppressed, and where they come from in `provenanceBox`. */
export function renderYear(
  target: HTMLElement,
  catalogue: Catalogue.Catalogue,
  policy: Policy.Policy,
  provenanceBox: HTMLElement,
  policyHash: string,
): void {
  const started = performance.now()
  const year = generate({ ...syntheticYear, catalogue, policy })
  const tables = Tables.fromDataset(year, { policy })

  // The tiles and the table are published together, as one system of cells,
  // so that no small count can be worked out from a tile and a table row.
  const results = [
    ...tiles.map(([indicator]) => Indicator.compute(indicator, tables, { by: [] })),
    ...columns.map(([indicator]) => Indicator.compute(indicator, tables, { by: ["category"] })),
  ]
  const publication = Publish.publishAll(results, { tables })
  const tileBox = el("div", undefined, "tiles")
  tileBox.dataset.testid = "tiles"
  for (const [k, [indicator, column, kind]] of tiles.entries()) {
    const published = publication.tables[k]!
    const tile = el("div", undefined, "tile")
    tile.dataset.indicator = indicator.id
    tile.append(
      el("div", cell(published, 0, column, kind), "value"),
      el("div", indicator.name.nb, "label"),
      el("div", measureLabel(indicator, column), "measure"),
    )
    tileBox.append(tile)
  }

  const table = el("table")
  table.dataset.testid = "year-table"
  table.createCaption().textContent = `Per kategori, ${syntheticYear.year} (syntetiske data: ${label.number(syntheticYear.citizens)} genererte innbyggere, deltakere er de som møtte minst én gang; celler med 1–4 personer skjules)`
  const head = table.createTHead().insertRow()
  head.append(
    el("th", "Kategori"),
    ...columns.map(([indicator, column]) => el("th", measureLabel(indicator, column), "n")),
  )
  const byCategory = columns.map(([, column, kind], k) => {
    const published = publication.tables[tiles.length + k]!
    const rows = new Map((published.table.objects() as Array<Row>).map((r, i) => [String(r.category), i]))
    return (category: string) => {
      const i = rows.get(category)
      return i === undefined ? "–" : cell(published, i, column, kind)
    }
  })
  const body = table.createTBody()
  for (const category of Category.all) {
    const row = body.insertRow()
    row.insertCell().textContent = Labels.value("category", category, "nb")
    for (const cell of byCategory) {
      const td = row.insertCell()
      td.className = "n"
      td.textContent = cell(category)
    }
  }
  const note = el(
    "p",
    `Generert og regnet ut i nettleseren på ${label.number(Math.round(performance.now() - started))} ms (frø ${syntheticYear.seed}).`,
    "source",
  )
  target.replaceChildren(tileBox, table, note)
  target.setAttribute("aria-busy", "false")
  const provenance = Provenance.make(tables.period, {
    synthetic: true,
    source: `frø ${syntheticYear.seed}, ${label.number(syntheticYear.citizens)} innbyggere, generert i nettleseren`,
    versions: __PACKAGE_VERSIONS__,
    policyHash,
  })
  provenanceBox.replaceChildren(
    el("strong", Provenance.syntheticNotice.nb),
    el("br"),
    Provenance.line(provenance, "nb"),
  )
}

// Participants count those who came, not those enrolled: said beside the figure, as other counts of citizens differ.
const measureLabel = (indicator: Indicator.Indicator, column: string): string =>
  column === "participants" ? label.participantsDefined : (Indicator.measure(indicator, column)?.label.nb ?? column)
