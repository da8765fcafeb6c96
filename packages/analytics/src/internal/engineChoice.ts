// Which engine `--engine auto` picks: DuckDB for inputs arquero would hold
// in memory only with difficulty, arquero for the rest (it needs no optional
// package and starts at once). The threshold is documented in docs/cli.md
// and docs/scale.md; a folder of tables is only ever read by DuckDB.

/** Attendance rows above which `--engine auto` computes on DuckDB (when it is installed). */
export const AUTO_DUCKDB_ROWS = 2_000_000

/**
 * The engine that runs: the one asked for, or for `auto` DuckDB when the
 * input has more than {@link AUTO_DUCKDB_ROWS} attendance rows and DuckDB is
 * installed (asked only then), else arquero.
 */
export const chooseEngine = async (
  asked: "arquero" | "duckdb" | "auto",
  attendanceRows: number,
  duckDbInstalled: () => Promise<boolean>,
): Promise<"arquero" | "duckdb"> =>
  asked !== "auto" ? asked : attendanceRows > AUTO_DUCKDB_ROWS && (await duckDbInstalled()) ? "duckdb" : "arquero"
