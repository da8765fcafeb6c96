// Identifier texts tested character by character rather than by a regular
// expression: a decoder tests every id of every record, and a loop over a
// short text is quicker than a pattern. Each accepts exactly what the pattern
// beside its schema accepts; a test holds the two equal.

/** What /^[A-Za-z0-9_.:-]{1,64}$/u accepts: a record id. */
export const isRecordId = (s: string): boolean => {
  const n = s.length
  if (n < 1 || n > 64) return false
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    // 0–9 and ':' (48–58), A–Z, a–z, '_', '-', '.'.
    if (!((c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46))
      return false
  }
  return true
}

/** What /^[0-9a-f]{32}$/u accepts: a pseudonym's text. */
export const isPseudonymText = (s: string): boolean => {
  if (s.length !== 32) return false
  for (let i = 0; i < 32; i++) {
    const c = s.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false
  }
  return true
}
