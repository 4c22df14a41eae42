import type { ActivateAccountReq, ActivationAnswer } from "@beizeng/contract/accounts";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

/** An enterprise activates its account with the one-time code the office handed out (no sign-in needed). */
export function useActivateAccount() {
  return useMutation({
    mutationFn: (body: ActivateAccountReq) => api.post<ActivationAnswer>("/api/auth/activate", body),
  });
}
