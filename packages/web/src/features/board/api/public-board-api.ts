import { useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../../shared/api/client";
import type { TargetStatus, YearMonth } from "../../dashboard";

/** One target on the public board: aggregate figures only (decimal strings in the target's unit). */
export interface PublicTarget {
  targetId: string;
  clause: string;
  name: string;
  nameEn: string;
  metric: string;
  unit: "yuan" | "count" | "share";
  aspiration: boolean;
  deadlineYear: number;
  target: string | null;
  baseline: string | null;
  current: { year: number; month: number; value: string | null } | null;
  status: TargetStatus;
  statusBasis: string;
  progress: number | null;
  forecast: { estimate: string | null; low: string | null; high: string | null } | null;
}

export interface PublicBoard {
  district: { id: string; name: string };
  plan: { title: string; titleEn?: string };
  asOf: YearMonth;
  targets: PublicTarget[];
}

/** The public board, or null when the office has not published it. */
export function usePublicBoard() {
  return useQuery({
    queryKey: ["public-board"],
    queryFn: async () => {
      try {
        return await api.get<PublicBoard>("/api/public/board");
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: 60_000,
  });
}
