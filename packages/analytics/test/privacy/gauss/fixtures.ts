// Fixture data of the golden tests: Statistics Norway's public test data sets
// from the R packages SSBtools (data/*.RData, SSBtoolsData()) and
// GaussSuppression, copied as literals. Parsing helpers at the end.
import type { CrossTable } from "../../../src/privacy/gauss/index.js"

type Inner = Record<string, string | number>

// SSBtoolsData("z1"): region × hovedint, counts `ant`, region varying fastest.
export const z1 = (): Array<Inner> => {
  const ant = [
    11, 7, 5, 13, 9, 12, 6, 9, 11, 1, 8, 2, 14, 9, 4, 3, 55, 29, 35, 17, 63, 24, 22, 38, 36, 18, 25, 13, 52, 22, 8, 15,
  ]
  const hovedint = ["annet", "arbeid", "soshjelp", "trygd"]
  return ant.map((n, i) => ({ region: "ABCDEFGH"[i % 8]!, hovedint: hovedint[Math.floor(i / 8)]!, ant: n }))
}

// SSBtoolsData("z2"): region within fylke and within kostragr (two
// hierarchies of one dimension) × hovedint. region:fylke:kostragr:hovedint:ant.
export const z2 = (): Array<Inner> =>
  [
    "A:1:300:annet:11 B:4:300:annet:7 C:5:300:annet:5 D:5:300:annet:13 E:6:300:annet:9 F:6:300:annet:12 G:8:300:annet:6",
    "H:8:300:annet:9 I:1:400:annet:3 J:10:400:annet:9 K:10:400:annet:4 A:1:300:arbeid:11 B:4:300:arbeid:1 C:5:300:arbeid:8",
    "D:5:300:arbeid:2 E:6:300:arbeid:14 F:6:300:arbeid:9 G:8:300:arbeid:4 H:8:300:arbeid:3 I:1:400:arbeid:0 J:10:400:arbeid:0",
    "K:10:400:arbeid:2 A:1:300:soshjelp:55 B:4:300:soshjelp:29 C:5:300:soshjelp:35 D:5:300:soshjelp:17 E:6:300:soshjelp:63",
    "F:6:300:soshjelp:24 G:8:300:soshjelp:22 H:8:300:soshjelp:38 I:1:400:soshjelp:9 J:10:400:soshjelp:32 K:10:400:soshjelp:18",
    "A:1:300:trygd:36 B:4:300:trygd:18 C:5:300:trygd:25 D:5:300:trygd:13 E:6:300:trygd:52 F:6:300:trygd:22 G:8:300:trygd:8",
    "H:8:300:trygd:15 I:1:400:trygd:2 J:10:400:trygd:20 K:10:400:trygd:11",
  ]
    .join(" ")
    .split(" ")
    .map((s) => {
      const [region, fylke, kostragr, hovedint, ant] = s.split(":")
      return { region: region!, fylke: fylke!, kostragr: kostragr!, hovedint: hovedint!, ant: Number(ant) }
    })

// The order of z2's region codes in SSBtools' crossTable (both hierarchies merged).
export const z2RegionOrder = ["1", "10", "300", "4", "400", "5", "6", "8", "Total", ..."ABCDEFGHIJK"]

// SSBtoolsData("example1"), used by the vignette "Small count frequency table suppression".
export const example1 = (): Array<Inner> => {
  const freq = [5, 2, 0, 6, 3, 4, 5, 0, 0, 6, 3, 4, 7, 1, 1, 5, 4, 3]
  const geo = ["Spain", "Iceland", "Portugal"]
  return freq.map((f, i) => ({
    age: i % 6 < 3 ? "young" : "old",
    geo: geo[i % 3]!,
    eu: geo[i % 3] === "Iceland" ? "nonEU" : "EU",
    year: String(2014 + Math.floor(i / 6)),
    freq: f,
  }))
}

// SSBtoolsData("mun_accidents"): municipality × injury.
export const munAccidents = (): Array<Inner> => {
  const freq = [4, 5, 3, 4, 1, 6, 0, 0, 2, 1, 0, 0, 0, 1, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0]
  const inj = ["serious", "light", "none", "unknown"]
  return freq.map((f, i) => ({ mun: `k${(i % 6) + 1}`, inj: inj[Math.floor(i / 6)]!, freq: f }))
}

// The data of the examples of SSBtools::GaussSuppression (R/GaussSuppression.R)
// and of SSBtools' test-GaussSuppression.R.
export const gaussExample = (): Array<Inner> => {
  const values = [1, 1, 1, 5, 5, 9, 9, 9, 9, 9, 0, 0, 0, 7, 7]
  return values.map((v, i) => ({ var1: String(Math.floor(i / 5) + 1), var2: "ABCDE"[i % 5]!, values: v }))
}

// The published cells of R's `~ var1 * var2` (FormulaSums / ModelMatrix), in R's order.
export const gaussExampleCells = (): Array<Record<string, string>> => [
  {},
  ...["1", "2", "3"].map((var1) => ({ var1 })),
  ..."ABCDE".split("").map((var2) => ({ var2 })),
  ...["1", "2", "3"].flatMap((var1) => "ABCDE".split("").map((var2) => ({ var1, var2 }))),
]

/** Cell labels written "a|b|c" in the order of the dimensions, as printed by R. */
export const labels = (dimensions: ReadonlyArray<CrossTable.Dimension>, cells: string): Array<Record<string, string>> =>
  cells.split(" ; ").map((c) => Object.fromEntries(c.split("|").map((code, k) => [dimensions[k]!.name, code])))

/** 1-based R indices → 0-based. */
export const zeroBased = (xs: ReadonlyArray<number>) => xs.map((x) => x - 1)

const hovedintCodes: Record<string, string> = { a: "annet", b: "arbeid", s: "soshjelp", t: "trygd" }
const mndCodes: Record<string, [string, string]> = {
  "1": ["m01m05", "M01M05"],
  "2": ["m06m09", "M06M12"],
  "3": ["m10m12", "M06M12"],
}

/** Expands the compact z3 rows: region (of `regionLength` characters), hovedint letter, mnd digit, count. */
export const z3Like = (regions: string, rows: string, regionLength: number): Array<Inner> => {
  const reg = new Map(
    regions.split(" ").map((s) => {
      const [r, fylke, kostragr] = s.split(":")
      return [r!, { fylke: fylke!, kostragr: kostragr! }] as const
    }),
  )
  return rows.split(" ").map((s) => {
    const region = s.slice(0, regionLength)
    const [mnd, mnd2] = mndCodes[s[regionLength + 1]!]!
    return {
      region,
      ...reg.get(region)!,
      hovedint: hovedintCodes[s[regionLength]!]!,
      mnd,
      mnd2,
      ant: Number(s.slice(regionLength + 2)),
    }
  })
}
// SSBtoolsData("z3") from SSBtools (data/z3.RData, Statistics Norway's public
// test data), with the region codes of test-GaussSuppressionFromData.R
// ("Advanced with integer overflow"): upper-case regions get "2", lower-case
// ones are upper-cased and get "1". Written compactly: region, hovedint
// (a = annet, b = arbeid, s = soshjelp, t = trygd), mnd (1 = m01m05,
// 2 = m06m09, 3 = m10m12) and the count, in the data's row order.

/** region:fylke:kostragr */
export const z3Regions = [
  "A1:12:200 B1:12:300 C1:12:300 D1:12:300 E1:12:300 F1:12:200 G1:12:500 H1:14:500 I1:14:500 J1:14:400 K1:14:300",
  "L1:14:300 L2:11:100 M1:14:500 M2:11:200 N1:14:200 N2:11:200 O1:14:100 O2:11:300 P1:14:200 P2:11:300 Q1:14:200",
  "Q2:11:200 R1:14:200 R2:11:200 S1:14:200 S2:11:400 T1:14:100 T2:11:500 U1:14:400 U2:11:400 V2:12:100 W2:12:300",
  "X2:12:200 Y2:12:200 Z2:12:500",
].join(" ")

export const z3Rows = [
  "L2a112 M2a11 N2a11 O2a12 P2a18 Q2a14 R2a15 S2a10 T2a11 U2a11 V2a15 W2a16 X2a16 Y2a16 Z2a11 A1a11 B1a13 C1a17",
  "D1a19 E1a123 F1a13 G1a12 H1a12 I1a11 J1a11 K1a110 L1a13 M1a14 N1a13 O1a15 P1a13 Q1a12 R1a14 S1a16 T1a11 U1a10",
  "L2b14 M2b17 N2b14 O2b111 P2b113 Q2b13 R2b18 S2b10 T2b11 U2b10 V2b13 W2b15 X2b14 Y2b15 Z2b11 A1b11 B1b11 C1b18",
  "D1b16 E1b114 F1b17 G1b11 H1b10 I1b11 J1b12 K1b19 L1b12 M1b13 N1b16 O1b14 P1b16 Q1b12 R1b13 S1b110 T1b16 U1b10",
  "L2s132 M2s120 N2s111 O2s116 P2s133 Q2s18 R2s139 S2s10 T2s16 U2s10 V2s136 W2s125 X2s112 Y2s122 Z2s117 A1s115",
  "B1s122 C1s17 D1s134 E1s179 F1s127 G1s14 H1s15 I1s11 J1s13 K1s140 L1s120 M1s16 N1s118 O1s137 P1s118 Q1s111",
  "R1s125 S1s122 T1s112 U1s13 L2t125 M2t115 N2t18 O2t116 P2t142 Q2t119 R2t127 S2t10 T2t12 U2t12 V2t133 W2t122",
  "X2t115 Y2t111 Z2t18 A1t19 B1t113 C1t115 D1t128 E1t148 F1t119 G1t10 H1t15 I1t12 J1t12 K1t142 L1t112 M1t17",
  "N1t113 O1t123 P1t114 Q1t18 R1t117 S1t112 T1t111 U1t10 L2a30 M2a33 N2a33 O2a30 P2a31 Q2a31 R2a32 S2a30 T2a31",
  "U2a30 V2a30 W2a32 X2a30 Y2a31 Z2a32 A1a30 B1a31 C1a31 D1a30 E1a30 F1a31 G1a30 H1a30 I1a30 J1a30 K1a33 L1a31",
  "M1a30 N1a30 O1a31 P1a30 Q1a31 R1a31 S1a30 T1a30 U1a30 L2b31 M2b32 N2b30 O2b32 P2b32 Q2b31 R2b31 S2b30 T2b31",
  "U2b30 V2b31 W2b31 X2b31 Y2b31 Z2b30 A1b30 B1b31 C1b30 D1b33 E1b34 F1b31 G1b30 H1b30 I1b30 J1b30 K1b32 L1b33",
  "M1b31 N1b31 O1b31 P1b32 Q1b31 R1b36 S1b30 T1b31 U1b30 L2s32 M2s37 N2s31 O2s34 P2s37 Q2s31 R2s39 S2s32 T2s30",
  "U2s30 V2s33 W2s32 X2s35 Y2s34 Z2s33 A1s32 B1s32 C1s35 D1s35 E1s314 F1s34 G1s30 H1s33 I1s31 J1s33 K1s311 L1s31",
  "M1s32 N1s34 O1s37 P1s31 Q1s33 R1s32 S1s34 T1s31 U1s30 L2t30 M2t34 N2t30 O2t31 P2t32 Q2t32 R2t36 S2t30 T2t31",
  "U2t30 V2t34 W2t31 X2t33 Y2t32 Z2t32 A1t31 B1t31 C1t30 D1t32 E1t37 F1t35 G1t32 H1t31 I1t30 J1t31 K1t32 L1t30",
  "M1t30 N1t33 O1t33 P1t31 Q1t30 R1t33 S1t31 T1t31 U1t30 L2a24 M2a24 N2a23 O2a21 P2a24 Q2a21 R2a23 S2a20 T2a21",
  "U2a20 V2a23 W2a20 X2a20 Y2a24 Z2a22 A1a20 B1a22 C1a21 D1a23 E1a23 F1a20 G1a20 H1a20 I1a20 J1a21 K1a23 L1a20",
  "M1a20 N1a21 O1a22 P1a20 Q1a20 R1a23 S1a22 T1a21 U1a20 L2b20 M2b20 N2b23 O2b20 P2b26 Q2b21 R2b23 S2b20 T2b21",
  "U2b20 V2b20 W2b24 X2b22 Y2b21 Z2b21 A1b21 B1b20 C1b20 D1b24 E1b28 F1b22 G1b20 H1b21 I1b20 J1b20 K1b20 L1b21",
  "M1b22 N1b21 O1b23 P1b20 Q1b20 R1b23 S1b22 T1b20 U1b20 L2s23 M2s25 N2s22 O2s22 P2s212 Q2s22 R2s27 S2s20 T2s21",
  "U2s20 V2s27 W2s26 X2s24 Y2s23 Z2s22 A1s24 B1s20 C1s24 D1s27 E1s27 F1s22 G1s21 H1s21 I1s21 J1s22 K1s210 L1s23",
  "M1s22 N1s28 O1s22 P1s21 Q1s23 R1s20 S1s25 T1s23 U1s21 L2t23 M2t22 N2t20 O2t25 P2t27 Q2t23 R2t27 S2t21 T2t22",
  "U2t20 V2t24 W2t24 X2t24 Y2t23 Z2t22 A1t23 B1t20 C1t20 D1t26 E1t213 F1t27 G1t20 H1t20 I1t20 J1t20 K1t23 L1t24",
  "M1t21 N1t22 O1t26 P1t21 Q1t20 R1t24 S1t22 T1t20 U1t20",
].join(" ")

/** The order of the region codes in SSBtools' crossTable of z3[, 1:6]. */
export const z3RegionOrder = [
  "100 11 12 14 200 300 400 500 Total A1 B1 C1 D1 E1 F1 G1 H1 I1 J1 K1 L1 L2 M1 M2 N1 N2 O1 O2 P1 P2 Q1 Q2 R1 R2",
  "S1 S2 T1 T2 U1 U2 V2 W2 X2 Y2 Z2",
].join(" ")

// The test's scrambled model matrix: x[k] <- x[sample(k)] for k in 1:20000
// after set.seed(123), which changes columns 1–47 only. Each entry lists the
// (0-based) inner rows of one of those columns that hold a 1.
export const z3Scrambled = [
  "27,144,184,185,230,267,317,327,337,355,362,377,399",
  "1,7,41,56,59,134,148,199,214,217,222,231,282,284,321,348,378,386,394,416,427",
  "56,57,85,88,129,175,191,284,291,316,330,348,411 41,68,97,135,141,166,197,201,257,262,364,368",
  "28,45,107,122,136,186,190,199,221,238,240,322,334,344,386,394,395,396,401",
  "68,74,117,181,183,185,222,295,305,337,351,363,397,413,421,427",
  "4,19,36,39,55,60,63,75,181,185,206,244,253,269,283,288,294,318,323,413",
  "59,71,99,116,171,194,233,242,257,285,351,369,374,387,404,422,423",
  "37,63,70,71,91,104,121,142,171,220,221,245,257,295,306,319,328,336,342,349,351,360,382,402,424",
  "23,56,70,108,141,164,174,251,296,306,330,339,385,402 17,31,82,88,148,180,181,196,200,250,257,310,377,417",
  "36,67,76,81,88,134,152,192,206,208,215,293,314,342,351,352,357,394,400,411",
  "1,9,15,67,77,92,111,119,152,192,196,209,281,339,346,356,357,387,409",
  "39,44,74,105,109,150,181,200,201,264,266,284,305,327,380,382,408",
  "41,45,60,70,73,111,113,123,154,163,166,172,175,177,226,233,239,250,252,274,281,333,340,367,387,413",
  "26,68,81,88,93,94,121,153,165,171,244,265,285,345,356,364,370,393,404,411",
  "18,52,55,72,82,122,139,173,188,214,228,241,247,266,280,304,309,321,333,356,358,376,389,398,400,413,414",
  "7,19,20,36,53,54,114,130,148,209,233,290,306,312,347,384,405",
  "35,43,92,135,143,170,198,199,214,246,326,328,351,352,418,419",
  "9,25,42,43,45,152,188,195,196,239,240,247,249,252,261,283,298,339,365,367,378,387,419",
  "12,18,72,87,89,105,117,123,147,165,173,190,222,250,269,294,339,364,390,400,404,405",
  "5,13,68,105,224,234,250,292,349,355 16,18,23,55,58,59,74,83,84,120,148,174,186,229,234,238,291,344,366,418",
  "30,33,60,68,72,80,83,134,135,212,263,280,297,324,368 56,165,177,189,209,220,246,249,270,281,313,350,379,394",
  "5,65,135,190,198,205,238,244,246,257,311,335,343,384",
  "4,31,35,50,67,79,98,161,162,195,205,226,227,252,327,381,391",
  "6,34,36,60,83,113,126,171,178,192,199,213,218,245,309,337,357",
  "11,109,110,116,152,176,182,205,231,241,366,389,394,403,411,423",
  "80,108,110,135,181,224,234,238,259,278,279,328,341,354,355,379,394,397,420",
  "19,20,134,173,189,209,229,253,262,279,329,405 51,88,94,162,169,191,198,235,244,270",
  "42,95,97,139,149,204,300,346,366,405,415 10,28,85,156,195,197,206,249,318,329,378,414",
  "2,8,16,19,71,80,93,94,111,128,138,144,179,187,286,300,316,335,345,367,381,384,425",
  "15,45,118,131,133,142,163,258,263,270,300,321,333,379,381,393,426",
  "28,38,44,178,203,228,232,237,252,256,271,280,295,303,339,377,393,404",
  "3,37,56,74,107,150,166,187,278,303,332,334,339,366,375,420",
  "178,191,200,212,243,265,270,290,295,313,342,349,354,378,384,388,391,419",
  "27,73,93,107,183,189,220,288,314,332,404,422 5,9,12,37,59,66,73,143,153,157,196,282,314,349,378,395,396,419",
  "14,41,69,107,122,131,132,137,161,185,235,272,296,316,322,374,392,414,427,430",
  "17,26,42,46,63,64,67,90,115,124,125,128,151,178,207,218,223,225,239,247,275,276,307,333,335,368,386,403,406,427,429",
  "22,103,106,118,130,137,184,187,206,239,321,349,366,385,388",
  "66,82,83,167,188,231,240,281,312,320,370,385,388,423,425,426",
  "6,39,58,69,76,84,207,225,235,243,262,265,274,301,303,312,318,364,370,381,383,390,394",
  "27,109,122,324,325,326,327,328,329,330,331,332,333",
].join(" ")

// test-GaussSuppressionTwoWay.R, "Ok GaussSuppressionTwoWay special cases":
// z3 restricted to kostragr 100 and 400, then 50 rows drawn by
// sample(nrow(z), 50) after set.seed(123) (R's generator; copied here). Same
// compact form as z3Rows, with region codes as in z3 (case matters).
export const twoWayRegions = ["L:11:100 S:11:400 U:11:400 V:12:100 j:14:400 o:14:100 t:14:100 u:14:400"].join(" ")

export const twoWayRows = [
  "tt111 tb20 Us30 ob14 Ua20 Sb30 Ss32 Ub30 jt20 Lt125 ja21 Lt30 Lb14 ua20 St10 ta11 Ut20 Vs27 Va30 Lt23 Vb20",
  "tb16 ut10 Ls23 tt20 Lb31 ts112 Ut12 Vt34 js33 Lb20 Vt24 os22 Sb20 oa31 ts23 Sa30 jt12 ja11 ua10 Vb13 jb12 Ss10",
  "La30 ut30 jt31 ot33 js13 Ub20 ta21",
].join(" ")

/** The order of the region codes in the crossTable of GaussSuppressionFromData. */
export const twoWayRegionOrder = ["100 11 12 14 400 Total j L o S t u U V"].join(" ")

/** GaussSuppressionFromData output (1-based): primary, suppressed, hidden (NA) and forced cells. */
export const twoWayExpected = {
  primary: [
    7, 8, 9, 10, 11, 12, 15, 18, 36, 45, 48, 53, 54, 57, 59, 62, 64, 73, 74, 76, 98, 99, 100, 101, 102, 114, 125, 127,
    128, 129, 130, 131, 133, 134, 136, 140, 142, 147, 150, 158, 159, 160, 161, 162, 165, 168, 185, 187, 188, 189, 190,
    191, 193, 194, 196, 200, 201, 202, 204, 205, 206, 207, 208, 210, 216, 225, 228, 229, 231, 233, 237, 239, 245, 247,
    249, 252, 259, 261, 263, 265, 267, 270, 271, 273, 276, 289, 291, 294, 307, 308, 309, 310, 311, 321, 323, 361, 362,
    364, 385, 386, 388, 392, 394, 403, 404, 406,
  ],
  suppressed: [
    5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 21, 22, 23, 29, 30, 32, 33, 34, 35, 36, 43, 45, 48, 49, 51, 53,
    54, 56, 57, 58, 59, 62, 63, 64, 65, 66, 73, 74, 76, 79, 81, 83, 85, 87, 89, 90, 95, 96, 97, 98, 99, 100, 101, 102,
    110, 111, 112, 113, 114, 115, 116, 117, 118, 120, 125, 126, 127, 128, 129, 130, 131, 133, 134, 136, 140, 141, 142,
    144, 146, 147, 148, 150, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 168, 170, 171, 172, 173, 174, 176, 177,
    178, 179, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 193, 194, 196, 199, 200, 201, 202, 204, 205, 206, 207,
    208, 210, 215, 216, 223, 225, 228, 229, 231, 233, 235, 237, 239, 242, 243, 244, 245, 246, 247, 249, 252, 253, 254,
    256, 259, 261, 263, 265, 267, 270, 271, 273, 276, 289, 291, 294, 307, 308, 309, 310, 311, 313, 314, 316, 319, 320,
    321, 322, 323, 361, 362, 364, 385, 386, 388, 392, 393, 394, 395, 396, 403, 404, 406, 409, 411, 413, 415, 417, 419,
    420,
  ],
  hidden: [122, 124, 241],
  forced: [27],
}
