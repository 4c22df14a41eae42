import type { Meta } from "@beizeng/contract/plan";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** Public facts about the deployment: the district, the active plan, and whether the data is a demo. */
export function useMeta() {
  return useQuery({ queryKey: ["meta"], queryFn: () => api.get<Meta>("/api/meta"), staleTime: 10 * 60_000 });
}
