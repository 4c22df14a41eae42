import { useCallback } from "react";
import { useT } from "../i18n/i18n";
import { ApiError } from "./client";

/** The text to show for a failed request: the server's own Chinese message when it sent one. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.message) return error.message;
        if (error.status === 0) return t("error.network");
        if (error.status === 403) return t("error.forbidden");
        if (error.status === 404) return t("error.notFound");
        return t("error.http", { status: error.status });
      }
      return t("error.unexpected");
    },
    [t],
  );
}
