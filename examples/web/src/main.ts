import { Catalogue, Category, Offering, Policy } from "@aktivitetsmodell/core"
import { policyOf } from "@aktivitetsmodell/rules/decide"
import { renderDecision, snapshot } from "./decision.js"
import { renderOfferingCard } from "./offeringCard.js"
import { profiles } from "./profiles.js"
import { renderYear } from "./year.js"

const catalogue = Catalogue.sandnes()
// Every number the page shows comes from the shipped policy tree, through its snapshot.
const policy = policyOf(snapshot)

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const profileSelect = byId<HTMLSelectElement>("profile")
const offeringSelect = byId<HTMLSelectElement>("offering")
const dateInput = byId<HTMLInputElement>("date")
const decisionBox = byId<HTMLElement>("decision")
const offeringBox = byId<HTMLElement>("offering-card")

for (const profile of profiles) profileSelect.add(new Option(profile.label, profile.id))
for (const category of Category.all) {
  const group = document.createElement("optgroup")
  group.label = Category.info[category].label.nb
  for (const offering of catalogue.offerings.filter((o) => o.category === category)) {
    group.append(new Option(offering.name.nb, offering.id))
  }
  offeringSelect.append(group)
}

function update() {
  const profile = profiles.find((p) => p.id === profileSelect.value) ?? profiles[0]!
  const offering = catalogue.offerings.find((o) => o.id === offeringSelect.value) ?? catalogue.offerings[0]!
  const date = dateInput.value || "2024-03-01"
  const limits = Policy.limits(policy, offering, { question: date, enrollmentStart: date })
  offeringBox.replaceChildren(
    renderOfferingCard(offering, catalogue, Offering.transitionEnd(offering, policy, date), limits),
  )
  decisionBox.replaceChildren(...renderDecision(profile, offering.id, date))
  document.body.dataset.ready = `${profile.id}|${offering.id}|${date}`
}

for (const input of [profileSelect, offeringSelect, dateInput]) input.addEventListener("change", update)
update()

// The synthetic year takes a few hundred milliseconds: paint the form first.
requestAnimationFrame(() =>
  setTimeout(
    () =>
      renderYear(byId<HTMLElement>("year"), catalogue, policy, byId<HTMLElement>("provenance"), snapshot.policyHash),
    0,
  ),
)
