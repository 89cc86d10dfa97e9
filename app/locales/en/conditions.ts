// A case's conditions: for each code of the codebook, present, absent or unknown.
export default {
  page: {
    metaTitle: "Conditions · {{title}}",
    breadcrumb: "Breadcrumb",
    cases: "Cases",
    title: "Conditions",
    intro:
      "For each code of the codebook, what this case shows: present, absent or unknown. A tag in the text is evidence for “present”; absence is always stated by a person, because a missing tag does not mean the condition was absent.",
    readOnly: " Your role can read these conditions but not change them.",
    noCodes: "The codebook has no codes yet.",
    addCodesBefore: "Add preconditions and outcomes in the ",
    codebookLink: "Codebook",
    addCodesAfter: ", then come back to state them for this case.",
    codesComeLater:
      "Once owners or editors add preconditions and outcomes to the codebook, they appear here.",
  },
  values: {
    present: "Present",
    absent: "Absent",
    unknown: "Unknown",
  },
  panel: {
    preconditions: "Preconditions",
    outcomes: "Outcomes",
    noPreconditions: "The codebook has no preconditions yet.",
    noOutcomes: "The codebook has no outcomes yet.",
    present_one: "{{count}} present",
    present_other: "{{count}} present",
    absent_one: "{{count}} absent",
    absent_other: "{{count}} absent",
    unknown_one: "{{count}} unknown",
    unknown_other: "{{count}} unknown",
    flagged_one: "{{count}} code is tagged in the text but set absent:",
    flagged_other: "{{count}} codes are tagged in the text but set absent:",
    flaggedHint: " check the passages, then correct the value or the tags.",
    saving: "Saving…",
    save: "Save conditions",
    saveHint: "Only the codes you change get your name and today’s date.",
  },
  item: {
    notStated: "Not stated yet (unknown by default).",
    setBy: "Set by {{name}} on ",
    formerMember: "a former member",
    taggedAbsent: "Tagged in the text but set absent",
    taggedUnknown: "Tagged in the text — mark as present?",
    evidence_one: "Evidence in the text: {{count}} tagged passage",
    evidence_other: "Evidence in the text: {{count}} tagged passages",
    quoted: "“{{text}}”",
    inSection: "in {{section}}",
    conflictBy:
      "{{name}} set this to {{value}} after you opened the page. Your choice is kept: save again to replace theirs.",
    conflictByWithNote:
      "{{name}} set this to {{value}} (“{{note}}”) after you opened the page. Your choice is kept: save again to replace theirs.",
    conflictSomeone:
      "Someone set this back to {{value}} after you opened the page. Your choice is kept: save again to replace theirs.",
    conflictSomeoneWithNote:
      "Someone set this back to {{value}} (“{{note}}”) after you opened the page. Your choice is kept: save again to replace theirs.",
    valuesLower: {
      present: "present",
      absent: "absent",
      unknown: "unknown",
    },
    note: "Note",
    noteOn: " on {{label}}",
    noteHint: "(optional: why, and on what basis)",
  },
  toasts: {
    nothing: "Nothing to save: no condition was changed.",
    saved_one: "Conditions saved ({{count}} code changed).",
    saved_other: "Conditions saved ({{count}} codes changed).",
  },
  errors: {
    codeUnknown: "This code is not in the codebook.",
    valueInvalid: "Choose present, absent or unknown.",
    noteTooLong: "Keep the note under {{max, number}} characters.",
    incomplete: "The form is incomplete. Reload the page and try again.",
    conflict:
      "A colleague changed some of these conditions after you opened the page, so nothing was saved. Your choices are kept below; the codes they changed are marked.",
    caseNotFound: "This case does not exist in this workspace.",
    foreignCodes: "Some of these codes are not in this workspace’s codebook.",
  },
};
