import type { Plan } from "@beizeng/contract/plan";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** The active plan of the caller's district, as the plan file with its clause texts. */
export function usePlan(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["plan"],
    queryFn: () => api.get<Plan>("/api/plan"),
    staleTime: 10 * 60_000,
    enabled: options.enabled ?? true,
  });
}
