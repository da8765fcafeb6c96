// The snapshot format `Snapshot.of` writes and the `decide` entry reads,
// kept apart so the entry need not load the snapshot builder.
// 2: offerings and departments carry `name: { nb, en }` (1 had `name` and `nameEn`).
export const snapshotFormat = 2
