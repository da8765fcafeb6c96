// The eligibility decision for a profile and an offering on a date, from the
// rules package, with each rule's Norwegian explanation.
import { Decision, Explain, Outcome, PolicyTree, Source, Subject } from "@aktivitetsmodell/rules"
import policyFiles from "virtual:aktivitetsmodell-policy"
import { el } from "./dom.js"
import type { Profile } from "./profiles.js"

// The shipped policy, read from @aktivitetsmodell/rules at build time (see vite.config.ts).
export const tree = PolicyTree.loadOrThrow(policyFiles)


// "unknown" (a fact the profile does not give decides it) reads as undecided, like a grant as another service.
const verdictClass: Record<string, string> = { eligible: "yes", "not-eligible": "no", "granted-as": "maybe", unknown: "maybe" }

/** Renders the decision, or the problems with the question, in Norwegian. */
export function renderDecision(profile: Profile, offeringId: string, date: string): Array<Node> {
  const { id: _id, label: _label, ...situation } = profile
  const decoded = Subject.decode({ ...situation, offering: offeringId }, tree.catalogue)
  if (!decoded.ok) {
    const list = el("ul")
    for (const p of decoded.problems) list.append(el("li", `${p.pointer || "/"}: ${p.message.nb}`))
    return [el("h3", "Spørsmålet kan ikke avgjøres"), list]
  }
  const result = Decision.decide(tree, decoded.subject, date)
  const eligibility = result.decisions.filter((d) => d.kind === "eligibility")
  const verdict = result.summary.eligibility
  const nodes: Array<Node> = [el("h3", `Vurdering ${date}`)]
  const badge = el(
    "p",
    verdict === undefined ? "Ingen regel avgjør deltagelse" : Outcome.describe("eligibility", verdict, tree.catalogue).nb,
    `verdict ${verdict === undefined ? "maybe" : (verdictClass[verdict.type] ?? "maybe")}`
  )
  badge.dataset["testid"] = "verdict"
  badge.dataset["outcome"] = verdict?.type ?? "none"
  nodes.push(badge)

  // Rules that say no come first: they are the reason.
  const ordered = [...eligibility].sort((a, b) => Number(a.outcome.type === "eligible") - Number(b.outcome.type === "eligible"))
  const list = el("ul", undefined, "explanation")
  list.dataset["testid"] = "explanation"
  for (const d of ordered) {
    const item = el("li")
    item.append(el("strong", `${d.title.nb}: `), Outcome.describe("eligibility", d.outcome, tree.catalogue).nb)
    const reasons = el("div", Explain.node(d.explanation.conditions, tree, "nb").map((l) => l.trim()).join("\n"), "reasons")
    item.append(reasons, el("div", `Kilde: ${Source.format(d.source, "nb")}`, "source"))
    list.append(item)
  }
  nodes.push(list)
  for (const escalation of result.summary.escalations) {
    nodes.push(el("p", Outcome.describe("escalation", escalation, tree.catalogue).nb, "escalation"))
  }
  return nodes
}
