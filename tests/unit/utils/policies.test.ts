import { describe, expect, it } from "vitest";
import type { Role } from "~/models/domain";
import { allows, authorize } from "~/utils/permissions.server";

const as = (role: Role, userId = "me") => ({ role, userId });

describe("policies: rules that depend on the object", () => {
  it("lets the submitter who may still edit, or an owner, withdraw a review", () => {
    expect(allows(as("editor"), "review.withdraw", { submittedBy: "me" })).toBe(true);
    expect(allows(as("editor"), "review.withdraw", { submittedBy: "someone" })).toBe(false);
    expect(allows(as("owner"), "review.withdraw", { submittedBy: "someone" })).toBe(true);
    // A submitter demoted to reviewer no longer edits the case, so cannot take it back either.
    expect(allows(as("reviewer"), "review.withdraw", { submittedBy: "me" })).toBe(false);
  });

  it("lets only its author edit a comment, even an owner cannot", () => {
    expect(allows(as("reviewer"), "comment.edit", { authorId: "me" })).toBe(true);
    expect(allows(as("owner"), "comment.edit", { authorId: "someone" })).toBe(false);
    expect(allows(as("trainer"), "comment.edit", { authorId: "me" })).toBe(false);
  });

  it("lets the author and those who sign off resolve a thread", () => {
    expect(allows(as("editor"), "thread.resolve", { authorId: "me" })).toBe(true);
    expect(allows(as("editor"), "thread.resolve", { authorId: "someone" })).toBe(false);
    expect(allows(as("reviewer"), "thread.resolve", { authorId: "someone" })).toBe(true);
  });

  it("lets whoever saved a comparison set, or an owner, change it", () => {
    expect(allows(as("trainer"), "comparisonSet.change", { createdBy: "me" })).toBe(true);
    expect(allows(as("editor"), "comparisonSet.change", { createdBy: "someone" })).toBe(false);
    expect(allows(as("owner"), "comparisonSet.change", { createdBy: "someone" })).toBe(true);
  });

  it("refuses with 403 on the server", () => {
    expect(() => authorize(as("editor"), "comment.edit", { authorId: "someone" })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => authorize(as("editor"), "comment.edit", { authorId: "me" })).not.toThrow();
  });
});
