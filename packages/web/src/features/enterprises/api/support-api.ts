import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** Where a row came from and whether it still counts (see docs/register.md, 扶持资金与技改项目). */
export interface SupportProvenance {
  id: number;
  official: boolean;
  sourceKind: string;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
  supersededBy: number | null;
  correctedBy: string | null;
  correctedAt: string | null;
}

export interface Grant extends SupportProvenance {
  code: string;
  year: number;
  level: "national" | "provincial" | "municipal";
  purpose: "project" | "tech";
  amountFen: string;
  note: string;
}

export interface TechProject extends SupportProvenance {
  code: string;
  name: string;
  year: number;
  investmentFen: string;
  equipmentInvoicesFen: string;
  techFundsReceived: boolean;
}

export interface RewardEvent extends SupportProvenance {
  kind: "listed_move_in" | "top500_settled";
  year: number;
  note: string;
}

export interface EnterpriseSupport {
  grants: Grant[];
  techProjects: TechProject[];
  events: RewardEvent[];
  /** What the caller may do here, decided by the server from the plan's lead units. */
  access: { grants: boolean; events: boolean; selfReport: boolean };
}

export interface GrantInput {
  code: string;
  year: number;
  level: string;
  purpose: string;
  amount: string;
  unit: "万元" | "元";
  note: string;
}

export interface TechProjectInput {
  code: string;
  name: string;
  year: number;
  investment: string;
  equipmentInvoices: string;
  unit: "万元" | "元";
  techFundsReceived: boolean;
}

export interface EventInput {
  kind: string;
  year: number;
  note: string;
}

const key = (enterpriseId: number) => ["enterprises", "support", enterpriseId];

export function useEnterpriseSupport(enterpriseId: number) {
  return useQuery({
    queryKey: key(enterpriseId),
    queryFn: () => api.get<EnterpriseSupport>(`/api/enterprises/${enterpriseId}/support`),
  });
}

/** After any write, the enterprise (and its support lists) are read again. */
function useSupportMutation<Input, Answer>(send: (input: Input) => Promise<Answer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ["enterprises"] }),
  });
}

/** Adds a row, or corrects the row `correcting` (the old one stays, superseded). */
export function useSaveGrant(enterpriseId: number) {
  return useSupportMutation(({ input, correcting }: { input: GrantInput; correcting?: number }) =>
    correcting
      ? api.post<{ id: number; official: boolean }>(`/api/enterprise-grants/${correcting}/correct`, input)
      : api.post<{ id: number; official: boolean }>(`/api/enterprises/${enterpriseId}/grants`, input),
  );
}

export function useSaveTechProject(enterpriseId: number) {
  return useSupportMutation(({ input, correcting }: { input: TechProjectInput; correcting?: number }) =>
    correcting
      ? api.post<{ id: number; official: boolean }>(`/api/tech-projects/${correcting}/correct`, input)
      : api.post<{ id: number; official: boolean }>(`/api/enterprises/${enterpriseId}/tech-projects`, input),
  );
}

export function useSaveEvent(enterpriseId: number) {
  return useSupportMutation(({ input, correcting }: { input: EventInput; correcting?: number }) =>
    correcting
      ? api.post(`/api/enterprise-events/${correcting}/correct`, { year: input.year, note: input.note })
      : api.post(`/api/enterprises/${enterpriseId}/reward-events`, input),
  );
}

export function useConfirmSupport() {
  return useSupportMutation(({ kind, id }: { kind: "grant" | "tech"; id: number }) =>
    api.post(kind === "grant" ? `/api/enterprise-grants/${id}/confirm` : `/api/tech-projects/${id}/confirm`),
  );
}
