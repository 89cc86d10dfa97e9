// The layers of the app, checked by `npm run lint` (docs/ARCHITECTURE.md draws the same picture):
//
//   routes ─► components ─► queries ─► rules
//     │           │            │
//     └────► models ─► editor ─┴─► utils (browser-safe) ─► locales
//              │                     ▲
//              └──► utils/*.server ──┴──► db
//
// Briefly: no cycles; models never import components or routes; only *.server.ts files import db/;
// the editor (the Tiptap document, shared with the browser) never reaches the database or the server;
// rules and queries are browser-safe and depend on no model; components use server modules for types only.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules that need each other both ways are missing a module between them.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "models-not-to-ui",
      comment: "Models are the domain: they never import components, routes or styles.",
      severity: "error",
      from: { path: "^app/models/" },
      to: { path: "^app/(components|routes|styles)/" },
    },
    {
      name: "db-only-from-server-modules",
      comment: "Only *.server.ts files open the database or read its schema.",
      severity: "error",
      from: { path: "^app/", pathNot: "\\.server\\.tsx?$" },
      to: { path: "^db/" },
    },
    {
      name: "editor-stays-browser-safe",
      comment: "The Tiptap schema is shared by the browser editor, the validator and the renderer.",
      severity: "error",
      from: { path: "^app/editor/" },
      to: { path: ["^db/", "\\.server\\.tsx?$", "^app/(models/(?!domain\\.ts$)|components|routes|queries)"] },
    },
    {
      name: "rules-and-queries-stay-pure",
      comment: "Shared rules and URL queries are read by the browser and the server alike: no model, no UI.",
      severity: "error",
      from: { path: "^app/(rules|queries)/" },
      to: { path: ["^db/", "\\.server\\.tsx?$", "^app/(models/(?!domain\\.ts$)|components|routes|editor)"] },
    },
    {
      name: "rules-below-queries",
      severity: "error",
      from: { path: "^app/rules/" },
      to: { path: "^app/queries/" },
    },
    {
      name: "components-without-data-access",
      comment: "Components may name the shape of server data (type imports) but never run server code.",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: ["\\.server\\.tsx?$", "^app/routes/", "^db/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-not-to-routes",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: "^app/routes/" },
    },
    {
      name: "utils-below-models",
      comment:
        "Utilities serve models and routes. The co-editing server is an entry point like a route (server.ts loads it).",
      severity: "error",
      from: { path: "^app/utils/", pathNot: "^app/utils/collab-server\\.server\\.ts$" },
      to: { path: ["^app/(models/(?!domain\\.ts$)|components|routes|editor|queries)"] },
    },
    {
      name: "routes-not-to-routes",
      comment: "A route module is one URL; what two routes share lives in a model or a component.",
      severity: "error",
      from: { path: "^app/routes/" },
      to: { path: "^app/routes/" },
    },
    {
      name: "app-not-to-tests-or-scripts",
      severity: "error",
      from: { path: "^(app|db)/" },
      to: { path: "^(tests|scripts)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|node_modules)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
