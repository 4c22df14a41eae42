import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export interface Warning {
  id: number;
  enterprise: { id: number; name: string; creditCode: string };
  leader: { id: number; name: string } | null;
  metric: string;
  year: number;
  month: number;
  currentFen: string;
  previousFen: string;
  dropShare: string;
  thresholdShare: string;
  status: "open" | "resolved";
  raisedAt: string;
  resolvedAt: string | null;
}

export function useWarnings(status: "open" | "resolved" | undefined) {
  return useQuery({
    queryKey: ["monitoring", "warnings", status],
    queryFn: () => api.get<{ items: Warning[]; total: number }>("/api/monitoring/warnings", { status }),
  });
}

export function useMonitoringSettings() {
  return useQuery({
    queryKey: ["monitoring", "settings"],
    queryFn: () => api.get<{ revenueDropShare: string; updatedAt: string | null }>("/api/monitoring/settings"),
  });
}

export function useSaveMonitoringSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revenueDropShare: string) =>
      api.put<{ raised: number; resolved: number; open: number }>("/api/monitoring/settings", { revenueDropShare }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["monitoring"] }),
  });
}

export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ raised: number; resolved: number; open: number }>("/api/monitoring/recompute"),
    onSuccess: () => client.invalidateQueries({ queryKey: ["monitoring"] }),
  });
}
