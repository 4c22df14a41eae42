import type { PublicBoard, PublicBoardAnswer } from "@beizeng/contract/targets";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** The public board's answer is the contract's: aggregate target figures only, as integer text. */
export type { PublicBoard, PublicBoardTarget as PublicTarget } from "@beizeng/contract/targets";

/** The public board, or null when the office has not published it. */
export function usePublicBoard() {
  return useQuery({
    queryKey: ["public-board"],
    queryFn: async (): Promise<PublicBoard | null> => {
      const answer = await api.get<PublicBoardAnswer>("/api/public/board");
      return answer.published ? answer : null;
    },
    refetchInterval: 60_000,
  });
}
