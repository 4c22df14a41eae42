import type {
  AccountActivation,
  AccountActivationList,
  ActivationCodeAnswer,
  EnterpriseAccountsPreview,
  EnterpriseAccountsSelection,
} from "@beizeng/contract/accounts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken } from "../../../shared/api/client";

export type { AccountActivation, ActivationCodeAnswer, EnterpriseAccountsPreview, EnterpriseAccountsSelection };

const activationsKey = ["users", "activations"] as const;

/** The accounts waiting for activation, by account id. */
export function useWaitingActivations() {
  return useQuery({
    queryKey: activationsKey,
    queryFn: async () => {
      const list = await api.get<AccountActivationList>("/api/users/activations");
      return new Map(list.items.map((item) => [item.userId, item]));
    },
  });
}

/** What creating accounts for a selection would do; nothing is written. */
export function usePreviewEnterpriseAccounts() {
  return useMutation({
    mutationFn: (selection: EnterpriseAccountsSelection) =>
      api.post<EnterpriseAccountsPreview>("/api/users/enterprise-accounts/preview", selection),
  });
}

export interface CreatedAccountsFile {
  created: number;
  skipped: number;
  fileName: string;
}

/** Hands a file the browser holds to the user as a download. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Creates the accounts and saves the spreadsheet of their activation codes at once: the server keeps only the
 * codes' hashes, so this answer is the one copy.
 */
async function createEnterpriseAccounts(selection: EnterpriseAccountsSelection): Promise<CreatedAccountsFile> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const csrfToken = getCsrfToken();
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch("/api/users/enterprise-accounts", {
      method: "POST",
      headers,
      credentials: "include",
      body: JSON.stringify(selection),
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown[] };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? "",
      body?.error?.details,
    );
  }
  const fileName = `企业账号激活码-${new Date().toISOString().slice(0, 10)}.xlsx`;
  saveFile(await response.blob(), fileName);
  return {
    created: Number(response.headers.get("x-accounts-created") ?? 0),
    skipped: Number(response.headers.get("x-accounts-skipped") ?? 0),
    fileName,
  };
}

export function useCreateEnterpriseAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEnterpriseAccounts,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** A new activation code for one enterprise account, shown once; the earlier code stops working. */
export function useIssueActivationCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ActivationCodeAnswer>(`/api/users/${id}/activation-code`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
