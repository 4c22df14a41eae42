import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export interface UnitFigures {
  unitId: number;
  unitName: string;
  kind: string;
  tasks: number;
  duePeriods: number;
  onTime: number;
  late: number;
  overdue: number;
}

export interface IndicatorRanking {
  id: string;
  metric: string;
  name: string;
  nameEn: string | null;
  weight: string;
  direction: "higher" | "lower";
  unavailable: string | null;
  explanation: string;
  ranked: { unitId: number; unitName: string; rank: number; tied: boolean; value: string }[];
  excluded: { unitId: number; unitName: string; reason: string }[];
  last: number[];
}

export interface SummonsEntry {
  unitId: number;
  unitName: string;
  indicatorId: string;
  indicatorName: string;
  reason: string;
}

export interface TargetLine {
  targetId: string;
  name: string;
  clause: string;
  aspiration: boolean;
  target: string;
  current: string | null;
  status: string;
  leadUnits: string[];
}

export interface Ranking {
  from: string;
  to: string;
  asOf: string;
  dataThrough: string;
  units: UnitFigures[];
  indicators: IndicatorRanking[];
  summons: SummonsEntry[];
  targets: TargetLine[] | null;
  targetsGap: string | null;
}

export interface BulletinPreview extends Ranking {
  title: string;
  periodLabel: string;
  nextNumber: string;
}

export interface Bulletin {
  id: number;
  year: number;
  serial: number;
  number: string;
  title: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  sha256: string;
  sizeBytes: number;
  issuedAt: string;
}

export interface SummonsTalk {
  id: number;
  year: number;
  indicatorId: string;
  unit: { id: number; name: string };
  talkDate: string;
  heldBy: string;
  attendees: string;
  outcome: string;
}

export interface SummonsTalkInput {
  year: number;
  indicatorId: string;
  unitId: number;
  talkDate: string;
  heldBy: string;
  attendees: string;
  outcome: string;
}

export interface Assessment {
  year: number;
  asOf: string;
  indicators: {
    id: string;
    name: string;
    nameEn: string | null;
    weight: string;
    direction: string;
    unavailable: string | null;
  }[];
  rows: {
    unitId: number;
    unitName: string;
    score: string | null;
    rank: number | null;
    points: Record<string, string | null>;
  }[];
  summons: SummonsEntry[];
}

export interface AssessmentHistory {
  years: {
    year: number;
    finalizedAt: string;
    rows: { unitId: number; unitName: string; score: string | null; rank: number | null }[];
  }[];
}

export interface Period {
  from: string;
  to: string;
}

export function useBulletins() {
  return useQuery({ queryKey: ["bulletins"], queryFn: () => api.get<{ items: Bulletin[] }>("/api/bulletins") });
}

export function useBulletinPreview(period: Period | null) {
  return useQuery({
    queryKey: ["bulletins", "preview", period],
    queryFn: () => api.get<BulletinPreview>("/api/bulletins/preview", { ...period }),
    enabled: period !== null,
  });
}

export function useIssueBulletin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: Period) => api.post<{ id: number; number: string }>("/api/bulletins", period),
    onSuccess: () => client.invalidateQueries({ queryKey: ["bulletins"] }),
  });
}

export function useRanking(period: Period) {
  return useQuery({
    queryKey: ["supervision", "ranking", period],
    queryFn: () => api.get<Ranking>("/api/supervision/ranking", { ...period }),
  });
}

export function useSummonsTalks() {
  return useQuery({
    queryKey: ["supervision", "talks"],
    queryFn: () => api.get<{ items: SummonsTalk[] }>("/api/summons-talks"),
  });
}

export function useRecordTalk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SummonsTalkInput) => api.post<{ id: number }>("/api/summons-talks", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["supervision", "talks"] }),
  });
}

export function useAssessment(year: number) {
  return useQuery({
    queryKey: ["assessment", year],
    queryFn: () => api.get<Assessment>(`/api/assessment/${year}`),
  });
}

export function useAssessmentHistory() {
  return useQuery({
    queryKey: ["assessment", "history"],
    queryFn: () => api.get<AssessmentHistory>("/api/assessment/history"),
  });
}

export function useFinalizeAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<{ year: number }>(`/api/assessment/${year}/finalize`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["assessment"] }),
  });
}

/** The first and last day of a quarter (1–4) or of the whole year (quarter 0). */
export function periodOf(year: number, quarter: number): Period {
  if (quarter === 0) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    from: `${year}-${String(lastMonth - 2).padStart(2, "0")}-01`,
    to: `${year}-${String(lastMonth).padStart(2, "0")}-${lastDay}`,
  };
}

/** The year a page opens on: the last year of the plan's period that has begun, else the first. */
export function defaultYear(years: number[]): number {
  const thisYear = new Date().getFullYear();
  const begun = years.filter((year) => year <= thisYear);
  return begun.at(-1) ?? years[0] ?? thisYear;
}
