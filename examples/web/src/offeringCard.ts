import { type Catalogue, Category, Citation, type Offering, type Policy } from "@aktivitetsmodell/core"
import { el } from "./dom.js"
import * as label from "./labels.js"

// The catalogue's offerings come from the model document: cited by its title
// (docs/sources/README.md), section and lines, never by a file name.
const cited = (seed: Citation.Citation): string => Citation.format(seed, "nb")

/** What the catalogue says about one offering, with the limits the policy gives an enrollment starting on the date, in Norwegian. */
export function renderOfferingCard(
  offering: Offering.Offering,
  catalogue: Catalogue.Catalogue,
  transitionEnd: string | undefined,
  limits: Policy.Limits,
): DocumentFragment {
  const department = catalogue.departments.find((d) => d.id === offering.operator.department)
  const runBy = [
    offering.operator.team === "activity-team"
      ? "Aktivitetsteamet"
      : (department?.name.nb ?? offering.operator.department),
    ...offering.operator.partners.map((p) => label.partners[p]),
  ].join(" med ")
  const rows: Array<[string, string, string]> = [
    ["Kategori", Category.info[offering.category].label.nb, "category"],
    ["Tilgang", label.access[offering.access], "access"],
    ["Målgruppe", label.audience[offering.audience], "audience"],
    ["Drives av", runBy, "operator"],
    ["Hyppighet", offering.schedule.note ?? label.frequency[offering.schedule.frequency], "schedule"],
    [
      "Varighet",
      label.limits({ ...limits, ...(offering.endsWhen === undefined ? {} : { endsWhen: offering.endsWhen }) }),
      "limits",
    ],
    ["Pris", offering.priceNok === 0 ? "Gratis" : `${label.number(offering.priceNok)} kr`, "price"],
    ["Status", label.status(offering.status, transitionEnd), "status"],
  ]
  if (offering.continuation !== undefined) {
    const c = offering.continuation
    rows.push(["Videre", c.after !== undefined ? `${c.destination}, etter ${c.after}` : c.destination, "continuation"])
  }
  const fragment = document.createDocumentFragment()
  fragment.append(el("h3", offering.name.nb), el("p", offering.description))
  const dl = el("dl")
  for (const [term, value, key] of rows) {
    const dd = el("dd", value)
    dd.dataset.field = key
    dl.append(el("dt", term), dd)
  }
  fragment.append(dl, el("p", `Kilde: ${cited(offering.seed)}`, "source"))
  return fragment
}
