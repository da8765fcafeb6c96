// The snapshot format `Snapshot.of` writes and the `decide` entry reads,
// kept apart so the entry need not load the snapshot builder.
export const snapshotFormat = 1
