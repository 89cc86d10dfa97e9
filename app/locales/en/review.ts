// The review of a case (panel, review page, "My reviews") and the server's review messages.
export default {
  panel: {
    heading: "Review",
    newerDraftStrong: "A newer draft exists.",
    newerDraft:
      " Readers who see approved versions only still read revision {{approved}}; this draft is revision {{current}}.",
    approvedRevision: "Approved revision: {{revision}}. ",
    notApproved: "Not approved yet: trainers do not see this case. ",
    currentRevision: "Current revision: {{revision}}.",
    submittedBy: "Submitted for review by ",
    revisionInParens: " (revision {{revision}})",
    to: " to ",
    toEnd: ".",
    noReviewer: ". No reviewer was picked: any reviewer or owner may decide.",
    youAreReviewer: " You were asked to review it.",
    editedSince:
      "Edited since it was submitted: it is now revision {{revision}}. A decision applies to revision {{revision}}.",
    previousDecision: "Previous decision: {{decision}}",
    lastDecision: "Last decision: {{decision}}",
    decisionRevision: " (revision {{revision}})",
    decisionBy: "By {{name}}, ",
    decisions: {
      approved: "Approved",
      changes_requested: "Changes requested",
      withdrawn: "Withdrawn from review",
    },
    idle: {
      draft: "Not submitted for review. An editor submits it when it is ready.",
      changes_requested: "Waiting for the editors to make the changes and resubmit.",
      in_review: "Waiting for a decision from the reviewers.",
      approved:
        "Editing the case starts a new draft; this approved revision stays readable until the next approval.",
    },
    // For members who read and comment but do not edit (reviewers).
    idleReader: {
      draft:
        "Not submitted for review yet. You can comment on passages; an editor submits it when it is ready.",
      changes_requested: "Waiting for the editors to make the changes and resubmit.",
      in_review: "Waiting for a decision from the reviewers.",
      approved:
        "This approved revision is what trainers read. When an editor changes the case, the new draft comes back for review.",
    },
    someoneElse:
      "You edited this case last, and this workspace asks for approval by someone else: another reviewer or owner decides. You can still request changes.",
    readsApprovedOnly: "This is the version the reviewers approved.",
    submit: "Submit for review",
    resubmit: "Resubmit for review",
    submitting: "Submitting…",
    nobodyMayApprove:
      "Nobody in this workspace may approve cases yet. An owner can invite a reviewer from the Members page.",
    reviewers: "Reviewers",
    reviewersHint: "Pick who should read it and decide. Owners may also decide.",
    personRole: "({{role}})",
    personRoleYou: "(you, {{role}})",
    message: "Message to the reviewers (optional)",
    approve: "Approve",
    note: "Note (optional)",
    approveHint: "Trainers read revision {{revision}} from then on.",
    approving: "Approving…",
    approveRevision: "Approve revision {{revision}}",
    requestChanges: "Request changes",
    whatToChange: "What needs to change",
    requestHint: "The editors see this note with the case.",
    sending: "Sending…",
    withdraw: "Withdraw from review",
    withdrawHint: " The case becomes a draft again; the reviewers are told.",
    activity: "Activity of this case",
  },
  page: {
    metaTitle: "Review · {{title}}",
    breadcrumb: "Breadcrumb",
    cases: "Cases",
    title: "Review of “{{title}}”",
    back: "Back to the case",
  },
  mine: {
    metaTitle: "My reviews",
    title: "My reviews",
    intro:
      "What waits for you in this workspace: cases waiting longest come first, threads with the newest comments first.",
    introReader: "Reviews and comment threads are the editors’ and reviewers’ work in this workspace.",
    readerOnly:
      "As a trainer you read the approved version of each case: nothing waits for you here. The Cases, Matrix and Comparison sets pages are yours.",
    waiting: "Waiting for your review",
    ownerNote:
      "As an owner you may decide on every case in review; those you were not asked to review are marked.",
    waitingEmpty:
      "No case is waiting for your review. When an editor submits a case to you, it appears here and in your notifications.",
    noReviewerPicked: "No reviewer picked",
    notAsked: "Not asked: owner",
    submittedBy: "Submitted by {{name}} ",
    revision: "(revision {{revision}})",
    revisionNow: "(revision {{revision}}, now {{current}})",
    submissions: "Your submissions",
    submitted: "Submitted ",
    readTheNote: " · read the note, make the changes, resubmit",
    mentions: "Threads that mention you",
    mentionsEmpty:
      "Nobody has mentioned you in a comment yet. Colleagues mention you by typing @ and your name in a thread on a passage.",
    resolved: "Resolved",
    mentionedYou: "{{name}} mentioned you ",
    replies: "New replies on your cases",
    repliesEmpty:
      "No unanswered replies. Threads on cases you created or submitted show here when someone writes after your last comment.",
    newReplies_one: "{{count}} new reply, latest ",
    newReplies_other: "{{count}} new replies, latest ",
    quoted: "“{{text}}”",
  },
  toasts: {
    submitted: "Revision {{revision}} submitted for review. The reviewers are notified.",
    approvedEditedSinceRead:
      "Approved revision {{revision}}. It includes text edited after you opened the case (revision {{read}}): the current text is what you approved.",
    approvedEdited:
      "Approved revision {{revision}}. It was edited after it was submitted (revision {{submitted}}): the current revision is what you approved.",
    approved: "Approved revision {{revision}}. Trainers now read this version.",
    changesRequested: "Changes requested. The editors are notified and see your note.",
    withdrawn: "Withdrawn from review: the case is a draft again.",
  },
  errors: {
    notUnderstood: "That action was not understood. Reload the page and try again.",
    pickFromList: "Pick reviewers from the list.",
    revisionMissing: "The form is missing the revision you read. Reload the page.",
    pickOne: "Pick at least one reviewer.",
    pickAtMost: "Pick at most {{max}} reviewers.",
    messageTooLong: "Keep the message under {{max, number}} characters.",
    noteTooLong: "Keep the note under {{max, number}} characters.",
    noteRequired: "Say what needs to change: the note is required.",
    caseNotFound: "This case does not exist in this workspace.",
    alreadyInReview: "This case is already in review. Withdraw the request first to change it.",
    alreadyApproved:
      "Revision {{revision}} is already approved. Edit the case to start a new draft, then submit it.",
    notApprovers: "Pick reviewers among the members of this workspace who may approve cases.",
    cannotApprove:
      "Only a case in review can be approved. This case is $t(review.errors.statuses.{{status}}): an editor submits it for review first.",
    cannotRequestChanges:
      "Only a case in review can be sent back with changes. This case is $t(review.errors.statuses.{{status}}): an editor submits it for review first.",
    staleRevision:
      "The case details were changed (now revision {{revision}}) after you opened it. Read the latest version, then decide.",
    notYours: "Only the person who submitted the case, or an owner, can withdraw it from review.",
    someoneElse:
      "You edited this case last: this workspace asks for approval by another member. Ask another reviewer or owner to decide.",
    nothingToWithdraw: "There is no review to withdraw: this case is $t(review.errors.statuses.{{status}}).",
    statuses: {
      draft: "a draft",
      in_review: "already in review",
      changes_requested: "waiting for changes",
      approved: "approved",
    },
  },
};
