import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export interface Meta {
  demo: boolean;
  district: { id: string; name: string };
  plan: { id: string; title: string } | null;
}

/** Public facts about the deployment: the district, the active plan, and whether the data is a demo. */
export function useMeta() {
  return useQuery({ queryKey: ["meta"], queryFn: () => api.get<Meta>("/api/meta"), staleTime: 10 * 60_000 });
}
