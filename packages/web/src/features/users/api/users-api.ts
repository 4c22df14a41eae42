import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toPage } from "../../../shared/api/client";
import type { Role } from "../../auth/api/auth-api";

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  unit?: { id: number; name: string } | null;
  enterpriseId?: number | null;
  enterprise?: { id: number; name: string } | null;
  disabled: boolean;
  mustChangePassword?: boolean;
  /** Failed sign-ins the server remembers for the account, and until when some browser must wait to try again. */
  loginRestriction?: { failures: number; delayedUntil: string | null } | null;
  createdAt?: string;
}

export interface UserFields {
  displayName: string;
  role: Role;
  unitId: number | null;
  enterpriseId: number | null;
}

export interface UserCreate extends UserFields {
  username: string;
  /** The initial password the office hands over; the user must change it at first sign-in. */
  password: string;
}

export interface UserUpdate extends Partial<UserFields> {
  disabled?: boolean;
}

/** The server hands out a temporary password once, on creation and on reset. */
export interface TemporaryPasswordAnswer {
  temporaryPassword?: string;
  password?: string;
}

export function temporaryPasswordOf(answer: TemporaryPasswordAnswer | null | undefined): string | null {
  return answer?.temporaryPassword ?? answer?.password ?? null;
}

const usersKey = ["users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => toPage(await api.get<UserAccount[] | { items: UserAccount[] }>("/api/users")).items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<{ user: UserAccount } & TemporaryPasswordAnswer>("/api/users", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdate & { id: number }) => api.patch<UserAccount>(`/api/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<TemporaryPasswordAnswer | undefined>(`/api/users/${id}/reset-password`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** The office clears an account's remembered failed sign-ins, so nobody waits to try it any longer. */
export function useClearLoginRestrictions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ user: UserAccount }>(`/api/users/${id}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
