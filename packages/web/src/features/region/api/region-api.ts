import type { RegionOverview, RegionView } from "@beizeng/contract/regions";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  RegionDistrictOverview,
  RegionOverview,
  RegionSum,
  RegionTarget,
  RegionView,
} from "@beizeng/contract/regions";

export const REGION_EXPORT_URL = "/api/region/overview/export.xlsx";
/** The region's 数据大屏, full screen outside the app's layout. */
export const REGION_BOARD_PATH = "/region/board";

export function useRegion(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["region"],
    queryFn: () => api.get<RegionView>("/api/region"),
    enabled: options.enabled ?? true,
  });
}

export function useRegionOverview(options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ["region", "overview"],
    queryFn: () => api.get<RegionOverview>("/api/region/overview"),
    refetchInterval: options.refetchInterval,
  });
}

/**
 * Reads one of the region's districts from now on: every district page the app has cached belongs to the district
 * read before, so all of it is asked again.
 */
export function useViewDistrict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (districtId: string) => api.put<RegionView>("/api/region/viewing", { districtId }),
    onSuccess: async (view) => {
      client.setQueryData(["region"], view);
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "region" });
    },
  });
}
