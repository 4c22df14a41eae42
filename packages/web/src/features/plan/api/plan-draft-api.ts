import type { PlanDraft } from "@beizeng/contract/plan-draft";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { PlanDraft };

/** The draft plan file made from an issued document (.txt or .docx); nothing is stored. */
export function useDraftPlan() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return api.upload<PlanDraft>("/api/plan/drafts", form);
    },
  });
}
