// The fixed texts of a report, in bokmål and English. The legend of symbols
// is written with the symbols the tables use, so the two cannot drift apart.
import { MISSING, NOT_COMPUTABLE, notApplicable, SUPPRESSED } from "./format.js"

export const texts = {
  report: { nb: "Aktivitetsrapport", en: "Activity report" },
  summary: { nb: "Sammendrag", en: "Summary" },
  contents: { nb: "Innhold", en: "Contents" },
  definition: { nb: "Definisjon", en: "Definition" },
  numerator: { nb: "Teller", en: "Numerator" },
  denominator: { nb: "Nevner", en: "Denominator" },
  unit: { nb: "Enhet", en: "Unit" },
  period: { nb: "Periode", en: "Period" },
  source: { nb: "Kilde i grunnlaget", en: "Source fact" },
  byMonth: { nb: "Per måned", en: "By month" },
  statistics: { nb: "Tjenestestatistikk", en: "Service statistics" },
  recoveryCollege: { nb: "Jæren Recovery College", en: "Jæren Recovery College" },
  plan: { nb: "Utkast til evalueringsplan", en: "Draft evaluation plan" },
  planNote: {
    nb: "Utkastet er laget fra indikatorene og tilbakemeldingene og skal bearbeides av ansatte, innbyggere og erfaringsrådet.",
    en: "The draft is made from the indicators and the feedback, for employees, citizens and the experience council to edit.",
  },
  privacy: { nb: "Personvern", en: "Privacy" },
  symbols: { nb: "Tegnforklaring", en: "Symbols" },
  suppressed: {
    nb: `${SUPPRESSED} Skjermet (små tall eller for å hindre tilbakeregning)`,
    en: `${SUPPRESSED} Suppressed (small count, or to prevent working one out)`,
  },
  missing: { nb: `${MISSING} Tall mangler`, en: `${MISSING} Figure missing` },
  notApplicable: {
    nb: `${NOT_COMPUTABLE} Kan ikke beregnes (endring fra 0)`,
    en: `${NOT_COMPUTABLE} Cannot be computed (change from 0)`,
  },
  irrelevant: {
    nb: `${notApplicable("nb")}: Indikatoren gjelder ikke disse tilbudene, for eksempel fullføring i åpne tilbud med langvarig deltagelse (ikke 0 %)`,
    en: `${notApplicable("en")}: The indicator does not apply to these offerings, such as completion in open offerings meant for long-term participation (not 0%)`,
  },
  level: { nb: "Nivå", en: "Level" },
  changePercent: { nb: "Endring fra året før (%)", en: "Change from the year before (%)" },
  measure: { nb: "Mål", en: "Measure" },
  municipality: { nb: "Kommune", en: "Municipality" },
  total: { nb: "Totalt", en: "Total" },
  sourceColumn: { nb: "Kilde", en: "Source" },
  participants: { nb: "Deltakere per kommune", en: "Participants per municipality" },
  perThousand: { nb: "Deltakere per 1 000 innbyggere", en: "Participants per 1,000 inhabitants" },
} as const
