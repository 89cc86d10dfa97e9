// The codebook (routes/w.$workspaceId.codebook*.tsx, components/codebook/*) and its model's messages.
export default {
  kind: {
    precondition: "Precondition",
    outcome: "Outcome",
  },
  kindPlural: {
    precondition: "Preconditions",
    outcome: "Outcomes",
  },
  list: {
    title: "Codebook",
    metaTitle: "Codebook · {{workspace}}",
    intro:
      "Codes are the preconditions and outcomes that passages of a case can be tagged with. Counts leave out cases in the trash.",
    addCode: "Add a code",
    emptyTitle: "This codebook is empty.",
    emptyEditor:
      "Add your own codes above, or start from the starter codebook: preconditions and outcomes drawn from dialogue with armed groups in the Sahel, which you can then edit, merge or delete.",
    emptyReader: "An owner or editor of this workspace can add preconditions and outcomes.",
    addStarter: "Add the starter codebook",
    addingStarter: "Adding…",
    starterAdded_one: "{{count}} starter code added.",
    starterAdded_other: "{{count}} starter codes added.",
    starterAlreadyThere: "The codebook already has every starter code.",
    preconditionAdded: "Precondition “{{label}}” added.",
    outcomeAdded: "Outcome “{{label}}” added.",
    edit: "Edit",
    noneOfKind: {
      precondition: "No preconditions yet.",
      outcome: "No outcomes yet.",
    },
    addOfKind: {
      precondition: "Add one with “Add a code” above, choosing “Precondition” as its kind.",
      outcome: "Add one with “Add a code” above, choosing “Outcome” as its kind.",
    },
    onlyEditorsAdd: "An owner or editor of this workspace can add them.",
  },
  counts: {
    passages_one: "{{count}} tagged passage",
    passages_other: "{{count}} tagged passages",
    presentIn_one: "present in {{count}} case",
    presentIn_other: "present in {{count}} cases",
  },
  code: {
    metaTitle: "{{label}} · Codebook",
    breadcrumb: "Breadcrumb",
    used: "Used",
    absentIn_one: "absent in {{count}} case",
    absentIn_other: "absent in {{count}} cases",
    under: "Under",
    subCodes: "Sub-codes",
    toolsLabel: "Change this code",
    editHeading: "Edit code",
    saved: "Code saved.",
    merged_one: "“{{label}}” merged into “{{target}}”: {{count}} tagged passage moved.",
    merged_other: "“{{label}}” merged into “{{target}}”: {{count}} tagged passages moved.",
    mergedKept_one:
      "“{{label}}” merged into “{{target}}”: {{count}} tagged passage moved. Where both codes had a value ({{kept}}), “{{target}}”’s was kept.",
    mergedKept_other:
      "“{{label}}” merged into “{{target}}”: {{count}} tagged passages moved. Where both codes had a value ({{kept}}), “{{target}}”’s was kept.",
    deleted: "“{{label}}” deleted.",
    deletedWithTags_one:
      "“{{label}}” deleted and its tag removed from the case text ({{cases}} case changed).",
    deletedWithTags_other:
      "“{{label}}” deleted and its {{count}} tags removed from the case text (cases changed: {{cases}}).",
  },
  form: {
    kind: "Kind",
    label: "Label",
    labelIn: {
      fr: "Label in French",
      en: "Label in English",
    },
    labelInHint: {
      fr: "Optional: what readers who use the casebook in French see.",
      en: "Optional: what readers who use the casebook in English see.",
    },
    description: "Description",
    descriptionHint: "What counts as this code, so that colleagues tag passages the same way.",
    colour: "Colour",
    suggestedColours: "Suggested colours",
    useColour: "Use colour {{colour}}",
    parent: "Parent code",
    parentHint: {
      precondition: "Optional: nest this code under a broader precondition.",
      outcome: "Optional: nest this code under a broader outcome.",
    },
    parentNone: "None (top level)",
    kindHintSubCodes: "A code and its sub-codes share one kind: move the sub-codes first to change it.",
    add: "Add code",
    save: "Save code",
    saving: "Saving…",
  },
  tagged: {
    heading: "Tagged passages",
    total_one: "{{passages}} in {{count}} case",
    total_other: "{{passages}} in {{count}} cases",
    emptyTitle: "No passage is tagged “{{label}}” yet.",
    emptyBody:
      "When someone selects words in a case and tags them “{{label}}”, the passage is listed here with a link to its section.",
    inSection: "in",
    ofCase: "of {{title}}",
    trashed_one: "{{count}} more passage is in cases in the trash and not listed.",
    trashed_other: "{{count}} more passages are in cases in the trash and not listed.",
  },
  merge: {
    summary: "Merge into another code",
    noTarget: {
      precondition: "There is no other precondition in this codebook to merge “{{label}}” into.",
      outcome: "There is no other outcome in this codebook to merge “{{label}}” into.",
    },
    intro: {
      precondition: "Merging “{{label}}” into another precondition:",
      outcome: "Merging “{{label}}” into another outcome:",
    },
    effectTags:
      "retags every passage tagged “{{label}}” with the other code, in every case (each changed case gets a new revision);",
    effectConditions:
      "moves its present / absent / unknown values to the other code, except in cases where the other code already has a value: there the other code’s value is kept;",
    effectSubCodes: "moves its sub-codes under the other code, then deletes “{{label}}”.",
    into: "Merge into",
    choose: {
      precondition: "Choose a precondition…",
      outcome: "Choose an outcome…",
    },
    submit: "Merge “{{label}}”",
    merging: "Merging…",
  },
  delete: {
    summary: "Delete this code",
    inUse: "“{{label}}” is in use.",
    inUseBody:
      "Deleting it removes the tags from the case text (each changed case gets a new revision) and forgets whether the condition was present or absent.",
    inTrash: "(in the trash)",
    passages_one: "{{count}} passage",
    passages_other: "{{count}} passages",
    casesWithValue_one: "{{count}} case has a value recorded for this condition.",
    casesWithValue_other: "{{count}} cases have a value recorded for this condition.",
    confirmTags_one: "Delete the code and remove its {{count}} tag from {{cases}}",
    confirmTags_other: "Delete the code and remove its {{count}} tags from {{cases}}",
    confirmValues_one: "Delete the code and forget its recorded condition value",
    confirmValues_other: "Delete the code and forget its {{count}} recorded condition values",
    confirmTagsAndValues_one:
      "Delete the code, remove its {{count}} tag from {{cases}} and forget its recorded condition values ({{values}})",
    confirmTagsAndValues_other:
      "Delete the code, remove its {{count}} tags from {{cases}} and forget its recorded condition values ({{values}})",
    caseCount_one: "{{count}} case",
    caseCount_other: "{{count}} cases",
    unused: "“{{label}}” is not used in any case. Deleting it cannot be undone.",
    subCodesMoveUnder_one: "Its sub-code moves under “{{parent}}”.",
    subCodesMoveUnder_other: "Its {{count}} sub-codes move under “{{parent}}”.",
    subCodesMoveTop_one: "Its sub-code moves to the top level.",
    subCodesMoveTop_other: "Its {{count}} sub-codes move to the top level.",
    submit: "Delete “{{label}}”",
    deleting: "Deleting…",
  },
  errors: {
    notFound: "This code does not exist in this workspace’s codebook.",
    notUnderstood: "That request was not understood. Reload the page and try again.",
    kindRequired: "Choose whether this is a precondition or an outcome.",
    labelRequired: "Give the code a label.",
    labelTooLong: "Keep the label under {{max}} characters.",
    descriptionTooLong: "Keep the description under {{max}} characters.",
    colourRequired: "Choose a colour.",
    colourInvalid: "Choose a colour like #2563eb.",
    preconditionExists:
      "There is already a precondition called “{{label}}”. Choose another label, or merge the two codes.",
    outcomeExists:
      "There is already an outcome called “{{label}}”. Choose another label, or merge the two codes.",
    kindHasSubCodes:
      "This code has sub-codes of its kind: move them to another parent before changing its kind.",
    parentGone: "That parent code is no longer in this codebook. Choose another.",
    parentNotPrecondition:
      "A precondition can only sit under another precondition. Choose a parent of the same kind, or none.",
    parentNotOutcome:
      "An outcome can only sit under another outcome. Choose a parent of the same kind, or none.",
    parentSelf: "A code cannot be its own parent.",
    parentLoop: "That code sits under this one: a code cannot be nested inside its own sub-code.",
    mergeTargetRequired: "Choose the code to merge into.",
    mergeSelf: "Choose another code to merge this one into.",
    mergePreconditionKind: "“{{label}}” is a precondition: it can only be merged into another precondition.",
    mergeOutcomeKind: "“{{label}}” is an outcome: it can only be merged into another outcome.",
    usageChanged:
      "The code was used in more places since you opened this page. Check the list again before deleting.",
    confirmDelete: "This code is in use. Confirm that its tags should be removed from the cases.",
  },
};
