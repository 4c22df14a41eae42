import type {
  TemporaryPassword,
  UserAnswer,
  UserCreateReq,
  UserList,
  UserListEntry,
  UserUnlockAnswer,
  UserUpdateReq,
} from "@beizeng/contract/accounts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

// Values from the domain, where each list is declared once (the contract's schemas stay out of the bundle).
// The office manages its district's accounts; a region's are made by the platform's operator.
export { DISTRICT_ROLES as ROLES } from "@beizeng/domain/accounts/vocabulary";

/** An account as the office's list shows it, with its login restrictions. */
export type UserAccount = UserListEntry;
export type UserCreate = UserCreateReq;
export type UserUpdate = UserUpdateReq;

/** The server hands out a generated password once, when the office resets one without choosing it. */
export function temporaryPasswordOf(answer: TemporaryPassword | null | undefined): string | null {
  return answer?.temporaryPassword ?? null;
}

const usersKey = ["users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await api.get<UserList>("/api/users")).items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<UserAnswer>("/api/users", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdate & { id: number }) => api.patch<UserAnswer>(`/api/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<TemporaryPassword | null>(`/api/users/${id}/reset-password`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** The office clears an account's remembered failed sign-ins, so nobody waits to try it any longer. */
export function useClearLoginRestrictions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<UserUnlockAnswer>(`/api/users/${id}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
