import type {
  EnterpriseSupport,
  EventAdded,
  EventCorrected,
  EventCorrectionInput,
  EventInput,
  GrantInput,
  SupportAdded,
  SupportConfirmed,
  SupportCorrected,
  TechProjectInput,
} from "@beizeng/contract/enterprise-support";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  EnterpriseSupport,
  EventInput,
  Grant,
  GrantInput,
  RewardEvent,
  SupportProvenance,
  TechProject,
  TechProjectInput,
} from "@beizeng/contract/enterprise-support";

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
      ? api.post<SupportCorrected>(`/api/enterprise-grants/${correcting}/correct`, input)
      : api.post<SupportAdded>(`/api/enterprises/${enterpriseId}/grants`, input),
  );
}

export function useSaveTechProject(enterpriseId: number) {
  return useSupportMutation(({ input, correcting }: { input: TechProjectInput; correcting?: number }) =>
    correcting
      ? api.post<SupportCorrected>(`/api/tech-projects/${correcting}/correct`, input)
      : api.post<SupportAdded>(`/api/enterprises/${enterpriseId}/tech-projects`, input),
  );
}

export function useSaveEvent(enterpriseId: number) {
  return useSupportMutation(({ input, correcting }: { input: EventInput; correcting?: number }) =>
    correcting
      ? api.post<EventCorrected>(`/api/enterprise-events/${correcting}/correct`, {
          year: input.year,
          note: input.note,
        } satisfies EventCorrectionInput)
      : api.post<EventAdded>(`/api/enterprises/${enterpriseId}/reward-events`, input),
  );
}

export function useConfirmSupport() {
  return useSupportMutation(({ kind, id }: { kind: "grant" | "tech"; id: number }) =>
    api.post<SupportConfirmed>(
      kind === "grant" ? `/api/enterprise-grants/${id}/confirm` : `/api/tech-projects/${id}/confirm`,
    ),
  );
}
