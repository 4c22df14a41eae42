/**
 * The house's boundaries, checked by `npm run lint` (depcruise). Each rule says why it exists.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const SERVER = "^packages/server/src";
const WEB = "^packages/web/src";

module.exports = {
  forbidden: [
    {
      name: "platform-not-capabilities",
      comment:
        "Shared plumbing (platform/) serves the capabilities and knows none of them; only the database's type (platform/db/schema.ts) gathers the capabilities' table types.",
      severity: "error",
      from: { path: `${SERVER}/platform/`, pathNot: `${SERVER}/platform/db/schema\\.ts$` },
      to: { path: `${SERVER}/capabilities/` },
    },
    {
      name: "schema-gathers-tables-only",
      comment: "platform/db/schema.ts may read a capability's table types (*.table.ts) and nothing else of it.",
      severity: "error",
      from: { path: `${SERVER}/platform/db/schema\\.ts$` },
      to: { path: `${SERVER}/capabilities/`, pathNot: "\\.table\\.ts$" },
    },
    {
      name: "capability-through-its-index",
      comment:
        "A capability uses another only through that one's public entry (index.ts), so that its inside can change freely.",
      severity: "error",
      from: { path: `${SERVER}/capabilities/([^/]+)/` },
      to: {
        path: `${SERVER}/capabilities/[^/]+/`,
        pathNot: [`${SERVER}/capabilities/$1/`, `${SERVER}/capabilities/[^/]+/index\\.ts$`],
      },
    },
    {
      name: "outside-through-index",
      comment:
        "The app, the demo, the command line and the benchmarks use a capability through its public entry (index.ts) too.",
      severity: "error",
      from: { pathNot: [`${SERVER}/capabilities/`, `${SERVER}/platform/db/schema\\.ts$`] },
      to: { path: `${SERVER}/capabilities/[^/]+/.+`, pathNot: `${SERVER}/capabilities/[^/]+/index\\.ts$` },
    },
    {
      name: "web-feature-through-its-entry",
      comment:
        "A web feature uses shared/ and another feature's public entry (index.ts) only (imports flow shared → features → app).",
      severity: "error",
      from: { path: `${WEB}/features/([^/]+)/` },
      to: {
        path: `${WEB}/features/[^/]+/`,
        pathNot: [`${WEB}/features/$1/`, `${WEB}/features/[^/]+/index\\.tsx?$`],
      },
    },
    {
      name: "web-app-through-entries",
      comment:
        "The app uses a feature through its public entry too; only the router loads a page by its own module, lazily, so that each page stays a chunk of its own.",
      severity: "error",
      from: { path: `${WEB}/app/` },
      to: {
        path: `${WEB}/features/[^/]+/`,
        pathNot: `${WEB}/features/[^/]+/index\\.tsx?$`,
        dependencyTypesNot: ["dynamic-import"],
      },
    },
    {
      name: "web-shared-not-features",
      comment:
        "shared/ is below the features: it imports none of them, nor the app; only the dictionary (shared/i18n/dictionary.ts) gathers the features' texts.",
      severity: "error",
      from: { path: `${WEB}/shared/`, pathNot: `${WEB}/shared/i18n/dictionary\\.ts$` },
      to: { path: [`${WEB}/features/`, `${WEB}/app/`] },
    },
    {
      name: "web-dictionary-gathers-texts-only",
      comment:
        "The dictionary reads a feature's texts (features/<feature>/<feature>.dictionary.ts) and nothing else of it, nor the app.",
      severity: "error",
      from: { path: `${WEB}/shared/i18n/dictionary\\.ts$` },
      to: { path: [`${WEB}/features/`, `${WEB}/app/`], pathNot: `${WEB}/features/([^/]+)/\\1\\.dictionary\\.ts$` },
    },
    {
      name: "web-no-cycles",
      comment: "Features and shared modules import each other in no loop.",
      severity: "error",
      from: { path: `${WEB}/` },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment: "The domain runs in Node and in the browser: no IO, no server or web code.",
      severity: "error",
      from: { path: "^packages/domain/src", pathNot: "\\.test\\.ts$" },
      to: {
        path: ["^packages/(server|web|cli)/", "^(fs|path|http|https|net|child_process|worker_threads)$", "^node:"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "/dist/", "\\.d\\.ts$"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    combinedDependencies: false,
  },
};
