import type { InvestmentYearInput, OnlineServicesInput, TargetInputs, TargetList } from "@beizeng/contract/targets";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** The targets page's answers are the contract's (bigints as decimal text); the names the pages use. */
export type {
  EnterpriseChange,
  EnterpriseOutlook as Outlook,
  GroupChange,
  TargetDetail,
  TargetInputs,
  TargetList as TargetsResponse,
} from "@beizeng/contract/targets";

/** How often an answer being brought up to date is asked for again. */
const REFRESHING_POLL_MS = 3_000;

export function useTargets(asOf: string | undefined) {
  return useQuery({
    queryKey: ["targets", asOf ?? "latest"],
    queryFn: () => api.get<TargetList>("/api/targets", { asOf }),
    placeholderData: keepPreviousData,
    // An answer computed at older data says so while a newer one is computed: asked again until it has come.
    refetchInterval: (query) => (query.state.data?.refreshing ? REFRESHING_POLL_MS : false),
  });
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
  return useInputMutation<InvestmentYearInput>("/api/targets/inputs/investment");
}

export function useSaveOnlineServices() {
  return useInputMutation<OnlineServicesInput>("/api/targets/inputs/online-services");
}
