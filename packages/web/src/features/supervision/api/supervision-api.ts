import type {
  Assessment,
  AssessmentFinalized,
  AssessmentHistory,
  BulletinIssued,
  BulletinList,
  BulletinPreview,
  Period,
  Ranking,
  SummonsInput,
  SummonsRecorded,
  SummonsTalkList,
} from "@beizeng/contract/supervision";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** Supervision's answers and requests are the contract's; the names the pages use. */
export type {
  Assessment,
  AssessmentHistory,
  Bulletin,
  BulletinPreview,
  IndicatorRanking,
  Period,
  Ranking,
  SummonsEntry,
  SummonsInput as SummonsTalkInput,
  SummonsTalk,
  TargetLine,
  UnitFigures,
} from "@beizeng/contract/supervision";

export function useBulletins() {
  return useQuery({ queryKey: ["bulletins"], queryFn: () => api.get<BulletinList>("/api/bulletins") });
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
    mutationFn: (period: Period) => api.post<BulletinIssued>("/api/bulletins", period),
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
    queryFn: () => api.get<SummonsTalkList>("/api/summons-talks"),
  });
}

export function useRecordTalk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SummonsInput) => api.post<SummonsRecorded>("/api/summons-talks", input),
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
    mutationFn: (year: number) => api.post<AssessmentFinalized>(`/api/assessment/${year}/finalize`),
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
