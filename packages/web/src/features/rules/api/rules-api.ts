import type {
  PublicRuleAnswer,
  PublicRulesAnswer,
  PublicRuleTryAnswer,
  RulePage,
  RulesIndex,
  RulesPublicationView,
  RuleTryInput,
  RuleTryResult,
} from "@beizeng/contract/rule-pages";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  RuleFact,
  RulePage,
  RuleSummary,
  RuleTryInput,
  RuleTryResult,
  RuleWords,
  WorkedExample,
} from "@beizeng/contract/rule-pages";

const path = (ruleId: string) => encodeURIComponent(ruleId);

export function useRulesIndex() {
  return useQuery({ queryKey: ["rules"], queryFn: () => api.get<RulesIndex>("/api/rules") });
}

export function useRulePage(ruleId: string) {
  return useQuery({ queryKey: ["rules", ruleId], queryFn: () => api.get<RulePage>(`/api/rules/${path(ruleId)}`) });
}

/** Runs the calculator: on the figures entered, or on an enterprise's own (logged in only). */
export function useTryRule(ruleId: string, publicDistrict: string | null | false = false) {
  return useMutation({
    mutationFn: async (input: RuleTryInput): Promise<RuleTryResult> => {
      if (publicDistrict === false) return api.post<RuleTryResult>(`/api/rules/${path(ruleId)}/try`, input);
      const query = publicDistrict === null ? "" : `?district=${encodeURIComponent(publicDistrict)}`;
      const answer = await api.post<PublicRuleTryAnswer>(`/api/public/rules/${path(ruleId)}/try${query}`, input);
      if (!answer.published) throw new Error("not published");
      return answer.result;
    },
  });
}

export function useSetRulesPublication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) => api.put<RulesPublicationView>("/api/rules/publication", { published }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rules"] }),
  });
}

/** The public rules, or null when the office has not published them. */
export function usePublicRules(district: string | null) {
  return useQuery({
    queryKey: ["public-rules", district],
    queryFn: async () => {
      const answer = await api.get<PublicRulesAnswer>("/api/public/rules", district === null ? {} : { district });
      return answer.published ? answer : null;
    },
  });
}

export function usePublicRule(ruleId: string, district: string | null) {
  return useQuery({
    queryKey: ["public-rules", district, ruleId],
    queryFn: async () => {
      const answer = await api.get<PublicRuleAnswer>(
        `/api/public/rules/${path(ruleId)}`,
        district === null ? {} : { district },
      );
      return answer.published ? answer : null;
    },
  });
}
