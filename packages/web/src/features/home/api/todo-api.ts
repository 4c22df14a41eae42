import type { TodoList } from "@beizeng/contract/todo";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** The caller's to-do list; read again each time the home page opens, so that it says what waits now. */
export function useTodo() {
  return useQuery({
    queryKey: ["todo"],
    queryFn: () => api.get<TodoList>("/api/todo"),
    refetchOnMount: "always",
  });
}
