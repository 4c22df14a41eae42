import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import type { NoteMessageJson, QuantityJson, TargetCard, YearMonth } from "../../dashboard";

export interface GroupChange {
  key: string;
  change: string;
  from: string;
  to: string;
}

export interface EnterpriseChange {
  enterpriseId: number;
  name: string;
  chainId: string;
  town: string | null;
  change: string;
  from: string;
  to: string;
}

export interface Outlook {
  enterpriseId: number;
  name: string;
  status: string | null;
  baseRevenue: string | null;
  baseYear: number | null;
  probabilityAtDeadline: number;
  likelyYear: number | null;
  /** Why the probability is what it is (Chinese), and the same as a message. */
  note: string | null;
  noteMessage?: NoteMessageJson | null;
}

/** One target as GET /api/targets presents it (bigints as decimal strings). */
export interface TargetDetail {
  targetId: string;
  clause: string;
  quote: string;
  clauseText: string | null;
  name: string;
  nameEn: string;
  metric: string;
  unit: QuantityJson["unit"];
  comparison: "gt" | "gte";
  aspiration: boolean;
  baselineYear: number;
  deadlineYear: number;
  target: QuantityJson;
  upperValue: QuantityJson | null;
  baseline: QuantityJson | null;
  pathShape: string;
  path: { year: number; value: QuantityJson }[];
  actuals: { year: number; value: QuantityJson; complete: boolean; missing: string[] }[];
  current: { year: number; month: number; value: QuantityJson; complete: boolean } | null;
  pathNow: QuantityJson | null;
  gap: QuantityJson | null;
  met: boolean | null;
  status: TargetCard["status"];
  statusBasis: TargetCard["statusBasis"];
  yearly: { year: number; target: QuantityJson; actual: QuantityJson | null; met: boolean | null }[];
  requiredGrowth: {
    fromYear: number;
    fromValue: string;
    deadlineYear: number;
    neededValue: string;
    annualRate: number | null;
    monthlyRate: number | null;
    remaining: {
      year: number;
      throughMonth: number;
      yearToDate: string;
      remainingMonths: number;
      neededInRemaining: string;
      perMonth: string;
      samePeriodLastYear: string | null;
      growthOverSamePeriod: number | null;
    } | null;
  } | null;
  contribution: {
    metric: "revenue" | "count";
    fromYear: number;
    toYear: number;
    total: string;
    byChain: GroupChange[];
    byTown: GroupChange[];
    topContributors: EnterpriseChange[];
    largestDeclines: EnterpriseChange[];
  } | null;
  fallRisks:
    | {
        enterpriseId: number;
        name: string;
        revenue: string;
        shareMillionths: string;
        marginOverThreshold: string;
        changeOverPreviousYear: string | null;
        targetMetWithout: boolean | null;
      }[]
    | null;
  notes: string[];
  noteMessages?: NoteMessageJson[];
  forecast: {
    estimate: QuantityJson;
    low: QuantityJson;
    high: QuantityJson;
    detail:
      | {
          kind: "revenue";
          level: number;
          probabilityMet: number | null;
          basis: string;
          notes: string[];
          noteMessages?: NoteMessageJson[];
        }
      | {
          kind: "aboveScale";
          level: number;
          candidates: Outlook[];
          exitRisks: Outlook[];
          expectedEntries: number;
          expectedExits: number;
          notes: string[];
          noteMessages?: NoteMessageJson[];
        }
      | null;
  } | null;
}

export interface TargetsResponse {
  asOf: YearMonth;
  latest: YearMonth | null;
  dataVersion: number;
  plan: { id: string; title: string; version: number };
  chains: { id: string; name: string }[];
  towns: { code: string; name: string }[];
  notes: string[];
  noteMessages?: NoteMessageJson[];
  targets: TargetDetail[];
}

export function useTargets(asOf: string | undefined) {
  return useQuery({
    queryKey: ["targets", asOf ?? "latest"],
    queryFn: () => api.get<TargetsResponse>("/api/targets", { asOf }),
    placeholderData: keepPreviousData,
  });
}

export interface TargetInputs {
  investment: { year: number; totalFen: string; manufacturingFen: string }[];
  onlineServices: { code: string; name: string; unitId: number | null; online: boolean }[];
}

export function useTargetInputs() {
  return useQuery({ queryKey: ["target-inputs"], queryFn: () => api.get<TargetInputs>("/api/targets/inputs") });
}

function useInputMutation<Body>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.put<TargetInputs>(path, body),
    onSuccess: (data) => {
      client.setQueryData(["target-inputs"], data);
      void client.invalidateQueries({ queryKey: ["targets"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export function useSaveInvestment() {
  return useInputMutation<{ year: number; totalYuan: string | null; manufacturingYuan: string | null }>(
    "/api/targets/inputs/investment",
  );
}

export function useSaveOnlineServices() {
  return useInputMutation<{ items: TargetInputs["onlineServices"] }>("/api/targets/inputs/online-services");
}
