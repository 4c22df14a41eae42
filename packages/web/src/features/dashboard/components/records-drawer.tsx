import { DownloadOutlined } from "@ant-design/icons";
import { chainOfEnterprise } from "@beizeng/domain/register/chains";
import { Alert, Button, Drawer, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useMessageText, useNoteTexts } from "../../../shared/i18n/note-texts";
import { usePlan } from "../../plan";
import { useUnits } from "../../units";
import {
  type EnterpriseRecord,
  type ProjectRecord,
  type RecordItem,
  type RecordRequest,
  type RecordSet,
  recordsUrl,
  useRecords,
} from "../api/dashboard-api";

function totalText(records: RecordSet): string {
  return records.unit === "yuan" ? formatFenForDisplay(records.total) : records.total;
}

/** The records behind a figure, in a drawer: each enterprise links to its page. */
export function RecordsDrawer({ request, onClose }: { request: RecordRequest | null; onClose: () => void }) {
  const t = useT();
  const text = useMessageText();
  const noteTexts = useNoteTexts();
  const records = useRecords(request);
  const data = records.data;
  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size="large"
      title={data ? text(data.title, data.titleMessage) : t("dash.drill")}
      extra={
        request ? (
          <Button icon={<DownloadOutlined />} href={recordsUrl(request, "xlsx")}>
            {t("dash.exportXlsx")}
          </Button>
        ) : null
      }
    >
      <QueryBoundary isPending={records.isPending} error={records.error}>
        {() =>
          data ? (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text strong data-testid="records-total">
                {t("dash.recordsTotal", { total: totalText(data) })}
              </Typography.Text>
              {noteTexts(data).map((note) => (
                <Alert key={note} type="info" showIcon title={note} />
              ))}
              <RecordsTable records={data} />
            </Space>
          ) : null
        }
      </QueryBoundary>
    </Drawer>
  );
}

/** Chain and town names in the chosen language, from the plan and the unit list; as sent (Chinese) otherwise. */
function useRegisterNames() {
  const plan = usePlan();
  const units = useUnits();
  const localized = useLocalizedText();
  return {
    chain: (id: string, sent: string) => {
      if (!plan.data) return sent;
      const chain = chainOfEnterprise(plan.data, id);
      return localized(chain.name, chain.nameEn);
    },
    town: (sent: string) => {
      const unit = units.data?.find((candidate) => candidate.name === sent);
      return unit ? localized(unit.name, unit.nameEn) : sent;
    },
  };
}

function RecordsTable({ records }: { records: RecordSet }) {
  const t = useT();
  const text = useMessageText();
  const names = useRegisterNames();
  const money = records.unit === "yuan";
  const revenue = (records.valueUnit ?? records.unit) === "yuan";
  if (records.kind === "projects") {
    return (
      <Table<ProjectRecord>
        size="small"
        rowKey="projectId"
        dataSource={records.projects ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("dash.project"), dataIndex: "name", render: (name: string, row) => `${row.code} ${name}` },
          {
            title: t("dash.chain"),
            dataIndex: "chainName",
            render: (name: string, row) => names.chain(row.chainId, name),
          },
          { title: t("dash.stage"), dataIndex: "stage", render: (stage: string) => t(`stage.${stage}` as MessageKey) },
          {
            title: t("dash.plannedInvestment"),
            dataIndex: "plannedInvestment",
            align: "right",
            render: (value: string) => formatFenForDisplay(value),
          },
          { title: t("dash.introducedYear"), dataIndex: "introducedYear", render: (y: number | null) => y ?? "—" },
        ]}
      />
    );
  }
  if (records.kind === "items") {
    return (
      <Table<RecordItem>
        size="small"
        rowKey="name"
        dataSource={records.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("dash.item"), dataIndex: "name", render: (name: string, row) => text(name, row.nameMessage) },
          {
            title: t("dash.itemValue"),
            dataIndex: "value",
            render: (value: string, row) => text(value, row.valueMessage),
          },
        ]}
      />
    );
  }
  return (
    <Table<EnterpriseRecord>
      size="small"
      rowKey={(row) => `${row.enterpriseId}-${row.status ?? ""}`}
      dataSource={records.enterprises ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        {
          title: t("dash.enterprise"),
          dataIndex: "name",
          render: (name: string, row) => <Link to={row.link}>{name}</Link>,
        },
        {
          title: t("dash.chain"),
          dataIndex: "chainName",
          render: (name: string, row) => names.chain(row.chainId, name),
        },
        { title: t("dash.town"), dataIndex: "townName", render: (name: string) => names.town(name) },
        {
          title: t("dash.status"),
          dataIndex: "status",
          render: (s: string | null, row) =>
            s !== null && row.statusMessage ? text(s, row.statusMessage) : statusLabel(s, t),
        },
        {
          title: money ? t("dash.value") : revenue ? t("dash.revenue") : t("dash.counted"),
          dataIndex: "value",
          align: "right",
          render: (value: string | null) =>
            revenue ? formatFenForDisplay(value) : value === null ? "—" : value.startsWith("-") ? value : `+${value}`,
        },
        ...(money || revenue
          ? [
              {
                title: money ? t("dash.previous") : t("dash.revenueYearBefore"),
                dataIndex: "previous",
                align: "right" as const,
                render: (value: string | null) => formatFenForDisplay(value),
              },
            ]
          : []),
      ]}
    />
  );
}

function statusLabel(status: string | null, t: (key: MessageKey) => string): string {
  if (status === null) return "—";
  const key = `scaleStatus.${status}` as MessageKey;
  const text = t(key);
  return text === key ? status : text;
}
