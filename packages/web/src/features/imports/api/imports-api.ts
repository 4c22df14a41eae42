import { useMutation, useQuery } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken } from "../../../shared/api/client";

export type ImportKind = "annual" | "monthly" | "register";
export const IMPORT_KINDS: ImportKind[] = ["monthly", "annual", "register"];
export const MONEY_UNITS = ["元", "千元", "万元", "亿元"] as const;

export interface ImportError {
  row: number;
  column?: string;
  columnLetter?: string;
  field?: string;
  message: string;
}

export type ImportChange = {
  entity: "figure" | "enterprise" | "scale_year";
  row: number;
  creditCode: string;
  action: "create" | "update";
  year?: number;
  month?: number;
  metric?: string;
  before: unknown;
  after: unknown;
};

export interface ImportResult {
  kind: ImportKind;
  fileName: string;
  written: boolean;
  summary: { rows: number; create: number; update: number; unchanged: number; errors: number };
  changes: ImportChange[];
  errors: ImportError[];
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  unit: string;
  fileName: string;
  fileSize: number;
  status: "previewing" | "previewed" | "applying" | "applied" | "rejected" | "failed";
  rowsRead: number;
  result: ImportResult | null;
  error: string | null;
}

const RUNNING = new Set(["previewing", "applying"]);

/** Sends the workbook's bytes; the server checks it in the background and answers with the job. */
export function useUploadImport() {
  return useMutation({
    mutationFn: async ({ file, kind, unit }: { file: File; kind: ImportKind; unit: string }) => {
      const query = new URLSearchParams({ kind, unit, fileName: file.name });
      const response = await fetch(`/api/imports?${query}`, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/octet-stream", "x-csrf-token": getCsrfToken() ?? "" },
        body: file,
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiError(response.status, body?.error?.code ?? "", body?.error?.message ?? "", body?.error?.details);
      }
      return body as ImportJob;
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

export function useApplyImport() {
  return useMutation({ mutationFn: (id: string) => api.post<ImportJob>(`/api/imports/${id}/apply`) });
}
