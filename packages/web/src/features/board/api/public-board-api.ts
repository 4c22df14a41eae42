import type { PublicBoard } from "@beizeng/contract/targets";
import { useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../../shared/api/client";

/** The public board's answer is the contract's: aggregate target figures only, as integer text. */
export type { PublicBoard, PublicBoardTarget as PublicTarget } from "@beizeng/contract/targets";

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
