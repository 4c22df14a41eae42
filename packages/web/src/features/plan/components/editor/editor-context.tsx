import type { PlanFile } from "@beizeng/domain/plan/schema";
import { createContext, useContext } from "react";
import type { FieldPath } from "./draft";

/** What every field of the edit forms reads and writes: the working copy, its errors and the fields shown. */
export interface PlanEditorState {
  /** The current version, as loaded: what the copy is compared with. */
  original: PlanFile;
  draft: PlanFile;
  update: (path: FieldPath, value: unknown) => void;
  /** The message to show under a field: the form's own check first, then the server's. */
  errorOf: (path: FieldPath) => string | undefined;
  /** A field's own check: a message while its text is not a valid value, null once it is. */
  setInvalid: (path: FieldPath, message: string | null) => void;
  /** Fields announce themselves; a field no longer shown drops its message. */
  register: (path: FieldPath) => () => void;
}

export const PlanEditorContext = createContext<PlanEditorState | null>(null);

export function usePlanEditor(): PlanEditorState {
  const state = useContext(PlanEditorContext);
  if (!state) throw new Error("usePlanEditor must be used inside the plan editor");
  return state;
}
