import type { DeclaredFactsImported, DeclaredFactsImportForm } from "@beizeng/contract/declared-facts";
import type { ApplyImportBody, ImportJob, ImportKind, ImportUploadForm, MoneyUnit } from "@beizeng/contract/figures";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { uploadForm } from "../../../shared/api/uploads";

export type {
  ImportChange,
  ImportError,
  ImportJob,
  ImportKind,
  ImportResult,
  MoneyUnit,
  UnregisteredEnterprise,
} from "@beizeng/contract/figures";

// Values from the domain, where each list is declared once (the contract's schemas stay out of the bundle).
export { IMPORT_KINDS, MONEY_UNITS } from "@beizeng/domain/figures/vocabulary";

const RUNNING = new Set(["previewing", "applying"]);

/** Sends the workbook as a form; the server checks it in the background and answers with the job. */
export function useUploadImport() {
  return useMutation({
    mutationFn: ({ file, kind, unit }: { file: File; kind: ImportKind; unit: MoneyUnit }) => {
      const form: ImportUploadForm = { kind, unit, file };
      return api.upload<ImportJob>("/api/imports", uploadForm(form));
    },
  });
}

/** Follows a job, polling while it runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    enabled: id !== null,
    queryKey: ["imports", id],
    queryFn: () => api.get<ImportJob>(`/api/imports/${id}`),
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 700 : false),
  });
}

/** Applies a previewed job; `registerEnterprises` registers the enterprises the file names that are not registered. */
export function useApplyImport() {
  return useMutation({
    mutationFn: ({ id, registerEnterprises }: { id: string; registerEnterprises: boolean }) =>
      api.post<ImportJob>(`/api/imports/${id}/apply`, { registerEnterprises } satisfies ApplyImportBody),
  });
}

/** Imports the plan's declared-facts template: all or nothing, answered at once. */
export function useImportDeclaredFacts() {
  return useMutation({
    mutationFn: (file: File) => {
      const form: DeclaredFactsImportForm = { file };
      return api.upload<DeclaredFactsImported>("/api/imports/declared-facts", uploadForm(form));
    },
  });
}
