import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { type QueryParams, toQueryString } from "../api/client";
import { useT } from "../i18n/i18n";

/**
 * Downloads a server-side .xlsx export (see packages/server/src/services/table-export.ts).
 * Pass the same filters the table on screen uses, so the file holds exactly what is shown.
 *
 *   <ExportButton path="/api/enterprises/export" params={filters} fileName="企业名录.xlsx" />
 */
export function ExportButton({
  path,
  params,
  fileName,
  label,
}: {
  path: string;
  params?: QueryParams;
  fileName: string;
  label?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(`${path}${toQueryString(params)}`, { credentials: "include" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message || t("error.http", { status: response.status }));
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      message.error(error instanceof Error ? error.message : t("error.unexpected"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {label ?? t("export.xlsx")}
    </Button>
  );
}
