// Identifier texts tested character by character rather than by a regular
// expression: a decoder tests every id of every record, and a loop over a
// short text with one table load per character is quicker than a pattern.
// Each accepts exactly what the pattern beside its schema accepts; a test
// holds the two equal.

// One entry per UTF-16 code, so that no load is out of bounds (V8 would
// leave the fast loop for one): 1 for the characters an id may hold, 0–9,
// ':', A–Z, a–z, '_', '-', '.'; and for those of a pseudonym, 0–9 and a–f.
const idChar = new Uint8Array(65_536)
const hexChar = new Uint8Array(65_536)
for (let c = 0; c < 128; c++) {
  idChar[c] =
    (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 ? 1 : 0
  hexChar[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) ? 1 : 0
}

/** What /^[A-Za-z0-9_.:-]{1,64}$/u accepts: a record id. */
export const isRecordId = (s: string): boolean => {
  const n = s.length
  if (n < 1 || n > 64) return false
  for (let i = 0; i < n; i++) if (idChar[s.charCodeAt(i)] !== 1) return false
  return true
}

/** What /^[0-9a-f]{32}$/u accepts: a pseudonym's text. */
export const isPseudonymText = (s: string): boolean => {
  if (s.length !== 32) return false
  for (let i = 0; i < 32; i++) if (hexChar[s.charCodeAt(i)] !== 1) return false
  return true
}
