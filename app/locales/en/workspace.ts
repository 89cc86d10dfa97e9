// The list of workspaces (app/routes/workspaces.tsx) and workspace-wide words.
export default {
  list: {
    title: "Your workspaces",
    metaTitle: "Workspaces",
    emptyTitle: "You are not in a workspace yet.",
    emptyBody: "Create one for your team below, or open the invite link a colleague sent you.",
    export: "Export",
    newHeading: "New workspace",
    nameLabel: "Workspace name",
    namePlaceholder: "e.g. Sahel programme",
    create: "Create workspace",
    created: "Workspace “{{name}}” created.",
    importPrompt: "Moving or restoring a team’s work?",
    importLink: "Import a workspace",
    importRest: "from a file made with “Export this workspace”.",
  },
  errors: {
    nameTooShort: "Name the workspace (at least 2 characters).",
    nameTooLong: "Keep the name under {{max}} characters.",
  },
};
