// The fixed texts of a report, in bokmål and English.
import { bi } from "./text.js"

export const texts = {
  report: bi("Aktivitetsrapport", "Activity report"),
  summary: bi("Sammendrag", "Summary"),
  contents: bi("Innhold", "Contents"),
  definition: bi("Definisjon", "Definition"),
  numerator: bi("Teller", "Numerator"),
  denominator: bi("Nevner", "Denominator"),
  unit: bi("Enhet", "Unit"),
  period: bi("Periode", "Period"),
  source: bi("Kilde i grunnlaget", "Source fact"),
  byMonth: bi("Per måned", "By month"),
  statistics: bi("Tjenestestatistikk", "Service statistics"),
  recoveryCollege: bi("Jæren Recovery College", "Jæren Recovery College"),
  plan: bi("Utkast til evalueringsplan", "Draft evaluation plan"),
  planNote: bi(
    "Utkastet er laget fra indikatorene og tilbakemeldingene og skal bearbeides av ansatte, innbyggere og erfaringsrådet.",
    "The draft is made from the indicators and the feedback, for employees, citizens and the experience council to edit.",
  ),
  privacy: bi("Personvern", "Privacy"),
  symbols: bi("Tegnforklaring", "Symbols"),
  suppressed: bi(
    ": Skjermet (små tall eller for å hindre tilbakeregning)",
    ": Suppressed (small count, or to prevent working one out)",
  ),
  missing: bi(".. Tall mangler", ".. Figure missing"),
  notApplicable: bi(". Kan ikke beregnes (endring fra 0)", ". Cannot be computed (change from 0)"),
  irrelevant: bi(
    "ikke relevant: Indikatoren gjelder ikke disse tilbudene, for eksempel fullføring i åpne tilbud med langvarig deltagelse (ikke 0 %)",
    "not applicable: The indicator does not apply to these offerings, such as completion in open offerings meant for long-term participation (not 0%)",
  ),
  level: bi("Nivå", "Level"),
  changePercent: bi("Endring fra året før (%)", "Change from the year before (%)"),
  measure: bi("Mål", "Measure"),
  municipality: bi("Kommune", "Municipality"),
  total: bi("Totalt", "Total"),
  sourceColumn: bi("Kilde", "Source"),
  participants: bi("Deltakere per kommune", "Participants per municipality"),
  perThousand: bi("Deltakere per 1 000 innbyggere", "Participants per 1,000 inhabitants"),
} as const
