// This package's version, for the provenance every report states. A
// constant, not an import of package.json: the browser bundle and the
// command line then carry one string, not the whole manifest. A test holds
// it to package.json, so a release that bumps the version fails until this
// follows.
export const version = "0.1.0"
