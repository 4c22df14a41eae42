import type { PlanFile } from "@beizeng/domain/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** The active plan of the caller's district, as the plan file with its clause texts. */
export function usePlan(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["plan"],
    queryFn: () => api.get<PlanFile>("/api/plan"),
    staleTime: 10 * 60_000,
    enabled: options.enabled ?? true,
  });
}
