import type {
  MonitoringSettingsBody,
  MonitoringSettingsSaved,
  MonitoringSettingsView,
  WarningList,
  WarningStatus,
  WarningsRecomputed,
} from "@beizeng/contract/register";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type { Warning } from "@beizeng/contract/register";

export function useWarnings(status: WarningStatus | undefined) {
  return useQuery({
    queryKey: ["monitoring", "warnings", status],
    queryFn: () => api.get<WarningList>("/api/monitoring/warnings", { status }),
  });
}

export function useMonitoringSettings() {
  return useQuery({
    queryKey: ["monitoring", "settings"],
    queryFn: () => api.get<MonitoringSettingsView>("/api/monitoring/settings"),
  });
}

export function useSaveMonitoringSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revenueDropShare: string) =>
      api.put<MonitoringSettingsSaved>("/api/monitoring/settings", {
        revenueDropShare,
      } satisfies MonitoringSettingsBody),
    onSuccess: () => client.invalidateQueries({ queryKey: ["monitoring"] }),
  });
}

export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<WarningsRecomputed>("/api/monitoring/recompute"),
    onSuccess: () => client.invalidateQueries({ queryKey: ["monitoring"] }),
  });
}
