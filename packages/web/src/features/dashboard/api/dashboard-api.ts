import type {
  BoardPublication,
  BoardPublicationInput,
  BoardPublished,
  Dashboard,
  MonthCoverageSetting,
  RecordFigure,
  RecordSet,
  YearMonth,
} from "@beizeng/contract/targets";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toQueryString } from "../../../shared/api/client";

/** A note as a message (its key and parameters), beside its Chinese text; rendered by useNoteTexts. */
export type { NoteMessageJson } from "@beizeng/contract/common";
/** The dashboard's answers are the contract's (bigints as decimal text); the names the pages use. */
export type {
  Dashboard,
  DashboardGroupRow as GroupRow,
  DataCoverage,
  RecordFigure,
  TargetCard,
  TargetQuantity as QuantityJson,
  TargetStatus,
  YearMonth,
} from "@beizeng/contract/targets";

/** "2023-06" from a month, for the asOf parameter. */
export function asOfText(asOf: YearMonth | null | undefined): string | undefined {
  return asOf ? `${asOf.year}-${String(asOf.month).padStart(2, "0")}` : undefined;
}

/** How often an answer being brought up to date is asked for again. */
export const REFRESHING_POLL_MS = 3_000;

export function useDashboard(asOf: string | undefined, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ["dashboard", asOf ?? "latest"],
    queryFn: () => api.get<Dashboard>("/api/dashboard", { asOf }),
    placeholderData: keepPreviousData,
    // An answer computed at older data says so while a newer one is computed: asked again until it has come.
    refetchInterval: (query) => (query.state.data?.refreshing ? REFRESHING_POLL_MS : options.refetchInterval),
  });
}

/** What a drill-down asks for: a dashboard figure, or a target's actual of a year. */
export type RecordRequest =
  | {
      source: "dashboard";
      figure: RecordFigure;
      year?: number;
      month?: number;
      chain?: string;
      town?: string;
      stage?: string;
      asOf?: string;
    }
  | { source: "target"; targetId: string; year: number; asOf?: string };

export type { EnterpriseRecord, ProjectRecord, RecordItem, RecordSet } from "@beizeng/contract/targets";

/** The URL of a drill-down's records (JSON, or the same as a spreadsheet). */
export function recordsUrl(request: RecordRequest, format: "json" | "xlsx" = "json"): string {
  if (request.source === "target") {
    const query = toQueryString({
      year: request.year,
      asOf: request.asOf,
      format: format === "xlsx" ? "xlsx" : undefined,
    });
    return `/api/targets/${encodeURIComponent(request.targetId)}/records${query}`;
  }
  const { source: _source, ...params } = request;
  return `/api/dashboard/records${toQueryString({ ...params, format: format === "xlsx" ? "xlsx" : undefined })}`;
}

export function useRecords(request: RecordRequest | null) {
  return useQuery({
    queryKey: ["records", request],
    queryFn: () => api.get<RecordSet>(recordsUrl(request as RecordRequest)),
    enabled: request !== null,
  });
}

/** The URL of a chart's data as a spreadsheet. */
export function chartExportUrl(chart: string, asOf: string | undefined): string {
  return `/api/dashboard/export${toQueryString({ chart, asOf })}`;
}

export function useBoardPublication() {
  return useQuery({
    queryKey: ["board-publication"],
    queryFn: () => api.get<BoardPublication>("/api/board/publication"),
  });
}

export function usePublishBoard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) =>
      api.put<BoardPublished>("/api/board/publication", { published } satisfies BoardPublicationInput),
    onSuccess: () => client.invalidateQueries({ queryKey: ["board-publication"] }),
  });
}

export function useSetMonthCoverage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (monthCoveragePermille: number) =>
      api.put<MonthCoverageSetting>("/api/dashboard/settings", { monthCoveragePermille }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void client.invalidateQueries({ queryKey: ["targets"] });
    },
  });
}
