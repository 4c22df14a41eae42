import { DownloadOutlined, EditOutlined, UploadOutlined } from "@ant-design/icons";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { App, Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../../shared/api/error-text";
import { QueryBoundary } from "../../../../shared/components/status-results";
import { useDateText } from "../../../../shared/format/dates";
import { useT } from "../../../../shared/i18n/i18n";
import { type PlanVersion, usePlanVersions, versionYamlPath } from "../../api/plan-versions-api";
import { UploadRevisionDrawer } from "./revision-drawer";

/** The file name the server gives in Content-Disposition (RFC 5987 `filename*` first). */
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A malformed name: the plain one below, or the fallback.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

function DownloadYamlButton({ item }: { item: PlanVersion }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(versionYamlPath(item.planId, item.version), { credentials: "include" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message || t("error.http", { status: response.status }));
      }
      const name = fileNameOf(response.headers.get("content-disposition"), `${item.planId}-${item.version}.yaml`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      void message.error(error instanceof Error && error.message ? error.message : errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={download}
      aria-label={t("planVersions.downloadVersion", { version: item.version })}
    >
      {t("planVersions.downloadYaml")}
    </Button>
  );
}

/**
 * The plan's versions, newest first, each downloadable as YAML. The office uploads a revised file here or
 * opens the edit forms; leaders and the inspector read the history only.
 */
export function VersionsTab({ plan, mayManage, onEdit }: { plan: PlanFile; mayManage: boolean; onEdit: () => void }) {
  const t = useT();
  const dateText = useDateText();
  const versions = usePlanVersions();
  const [uploading, setUploading] = useState(false);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text type="secondary">{t("planVersions.intro")}</Typography.Text>
        {mayManage ? (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t("planEdit.open")}
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)}>
              {t("planVersions.upload")}
            </Button>
          </Space>
        ) : null}
      </Space>
      <QueryBoundary isPending={versions.isPending} error={versions.error}>
        {() => (
          <Table<PlanVersion>
            size="small"
            rowKey={(item) => `${item.planId}@${item.version}`}
            dataSource={versions.data?.items ?? []}
            pagination={false}
            scroll={{ x: 960 }}
            columns={[
              {
                title: t("planVersions.version"),
                key: "version",
                width: 130,
                render: (_, item) => (
                  <Space size={4} wrap>
                    <span>{t("planVersions.versionNumber", { version: item.version })}</span>
                    {item.current ? <Tag color="green">{t("planVersions.current")}</Tag> : null}
                  </Space>
                ),
              },
              { title: t("planVersions.title"), dataIndex: "title", key: "title" },
              {
                title: t("planVersions.effectiveYear"),
                key: "effectiveYear",
                width: 110,
                render: (_, item) =>
                  item.effectiveYear === null ? "—" : t("planVersions.year", { year: item.effectiveYear }),
              },
              {
                title: t("planVersions.loadedAt"),
                key: "loadedAt",
                width: 170,
                render: (_, item) => dateText(item.loadedAt, "minute"),
              },
              {
                title: t("planVersions.loadedBy"),
                key: "loadedBy",
                width: 120,
                render: (_, item) => item.loadedBy ?? "—",
              },
              {
                title: t("planVersions.reason"),
                key: "reason",
                render: (_, item) => item.reason ?? "—",
              },
              {
                title: t("common.actions"),
                key: "actions",
                width: 130,
                render: (_, item) => <DownloadYamlButton item={item} />,
              },
            ]}
          />
        )}
      </QueryBoundary>
      {mayManage ? <UploadRevisionDrawer open={uploading} current={plan} onClose={() => setUploading(false)} /> : null}
    </Space>
  );
}
