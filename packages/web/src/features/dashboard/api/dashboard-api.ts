import type { NoteParams } from "@beizeng/domain/notes/messages";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toQueryString } from "../../../shared/api/client";

/** A target's value: fen for money, a count, or a share in millionths; always a decimal string. */
export interface QuantityJson {
  unit: "yuan" | "count" | "share";
  value: string;
}

export type TargetStatus = "green" | "yellow" | "red" | "aspiration-behind" | "no-data";

export interface YearMonth {
  year: number;
  month: number;
}

export interface TargetCard {
  targetId: string;
  clause: string;
  name: string;
  nameEn: string;
  quote: string;
  metric: string;
  unit: QuantityJson["unit"];
  comparison: "gt" | "gte";
  aspiration: boolean;
  deadlineYear: number;
  target: QuantityJson;
  upperValue: QuantityJson | null;
  baseline: QuantityJson | null;
  current: { year: number; month: number; value: QuantityJson; complete: boolean } | null;
  gap: QuantityJson | null;
  met: boolean | null;
  status: TargetStatus;
  statusBasis: "final" | "forecast" | "path" | "none";
  /** Share of the way from baseline to target (1 = reached). */
  progress: number | null;
  forecast: {
    estimate: QuantityJson;
    low: QuantityJson;
    high: QuantityJson;
    level: number;
    probabilityMet: number | null;
    basis: "actual" | "months" | "trend" | null;
  } | null;
}

export interface GroupRow {
  key: string;
  name: string;
  current: string;
  previous: string;
  enterprises: number;
}

/** A note as a message (its key and parameters), beside its Chinese text; rendered by useNoteTexts. */
export interface NoteMessageJson {
  key: string;
  params: NoteParams;
}

export interface Dashboard {
  asOf: YearMonth;
  latest: YearMonth | null;
  dataVersion: number;
  plan: { id: string; title: string; titleEn?: string };
  chains: { id: string; name: string; nameEn: string }[];
  towns: { code: string; name: string }[];
  notes: string[];
  noteMessages?: NoteMessageJson[];
  cards: TargetCard[];
  revenueYears: { year: number; actual: string; path: string | null; complete: boolean }[];
  revenueByMonth: {
    year: number;
    throughMonth: number;
    directoryYear: number | null;
    enterprises: number;
    months: { month: number; current: string | null; previous: string | null; reported: number }[];
    yearToDate: string;
    samePeriodLastYear: string;
    growthMillionths: string | null;
  };
  byChain: GroupRow[];
  byTown: GroupRow[];
  projectFunnel: { stage: string; count: number; plannedInvestment: string }[];
  reservePool: {
    directoryYear: number | null;
    /** The deadline year once its directory is known: the pool's outcome is fact, not forecast. */
    settledYear: number | null;
    count: number;
    expectedEntries: number | null;
    likelyByDeadline: number;
    top: {
      enterpriseId: number;
      name: string;
      chainId: string;
      revenueLastYear: string | null;
      lastYear: number;
      probabilityAtDeadline: number | null;
      likelyYear: number | null;
    }[];
  };
}

/** "2023-06" from a month, for the asOf parameter. */
export function asOfText(asOf: YearMonth | null | undefined): string | undefined {
  return asOf ? `${asOf.year}-${String(asOf.month).padStart(2, "0")}` : undefined;
}

export function useDashboard(asOf: string | undefined, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ["dashboard", asOf ?? "latest"],
    queryFn: () => api.get<Dashboard>("/api/dashboard", { asOf }),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

export type RecordFigure =
  | "aboveScaleRevenue"
  | "aboveScaleCount"
  | "monthRevenue"
  | "periodRevenue"
  | "projects"
  | "reserve";

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

export interface EnterpriseRecord {
  enterpriseId: number;
  link: string;
  name: string;
  creditCode: string;
  chainId: string;
  chainName: string;
  townName: string;
  /** A scale status code, or a Chinese text (an entry, an exit, a listing year) with its message. */
  status: string | null;
  statusMessage?: NoteMessageJson;
  value: string | null;
  previous: string | null;
}

export interface ProjectRecord {
  projectId: number;
  code: string;
  name: string;
  chainId: string;
  chainName: string;
  stage: string;
  plannedInvestment: string;
  introducedYear: number | null;
  enterpriseId: number | null;
}

/** A line of a share's records: Chinese texts, with their messages where they are not names. */
export interface RecordItem {
  name: string;
  value: string;
  nameMessage?: NoteMessageJson;
  valueMessage?: NoteMessageJson;
}

/** The records behind a figure: the Chinese title and notes, each with its message (rendered by the drawer). */
export interface RecordSet {
  title: string;
  titleMessage?: NoteMessageJson;
  kind: "enterprises" | "projects" | "items";
  total: string;
  unit: "yuan" | "count";
  /** What each enterprise's value holds: revenue in fen, or what it adds to a count (+1, −1); default: unit. */
  valueUnit?: "yuan" | "count";
  enterprises?: EnterpriseRecord[];
  projects?: ProjectRecord[];
  items?: RecordItem[];
  notes: string[];
  noteMessages?: NoteMessageJson[];
}

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

export interface BoardPublication {
  districtId: string;
  districtName: string;
  published: boolean;
  updatedAt: string | null;
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
    mutationFn: (published: boolean) => api.put<{ published: boolean }>("/api/board/publication", { published }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["board-publication"] }),
  });
}
