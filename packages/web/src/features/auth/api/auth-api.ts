import type { ChangePasswordReq, LoginReq, Session, SessionState, UserView } from "@beizeng/contract/accounts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, setCsrfToken } from "../../../shared/api/client";

export type { Role } from "@beizeng/contract/accounts";

/** The signed-in user, as the server's session answers give it. */
export type CurrentUser = UserView;

export const currentUserKey = ["auth", "me"] as const;

// /api/auth/session answers 200 with {user: null} when nobody is signed in, so the login page
// causes no failed request in the browser's console (/api/auth/me would answer 401).
async function fetchCurrentUser(): Promise<CurrentUser | null> {
  const session = await api.get<SessionState>("/api/auth/session");
  if (session.user === null || !("csrfToken" in session)) {
    setCsrfToken(null);
    return null;
  }
  setCsrfToken(session.csrfToken);
  return session.user;
}

/** The signed-in user, or null when nobody is signed in. */
export function useCurrentUser() {
  return useQuery({ queryKey: currentUserKey, queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginReq) => api.post<Session>("/api/auth/login", credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "meta" });
      queryClient.setQueryData(currentUserKey, session.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "meta" });
      queryClient.setQueryData(currentUserKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordReq) => api.post<void>("/api/auth/password", body),
    onSuccess: () => {
      // Let the router move on at once; the refetch confirms the server's view.
      queryClient.setQueryData<CurrentUser | null>(currentUserKey, (user) =>
        user ? { ...user, mustChangePassword: false } : user,
      );
      void queryClient.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
