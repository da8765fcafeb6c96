// Both FIT indicators (ORS change, SRS alerts) rest on the same line of the
// unit's 2021 evaluation; each quotes its own part of it.
export const fitEvaluationLine = {
  document: "Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College",
  section: "Bruker/samfunn",
  lines: "13",
} as const
