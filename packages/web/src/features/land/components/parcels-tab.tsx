import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import {
  PARCEL_STATUSES,
  PARCEL_USES,
  type Parcel,
  type ParcelInput,
  type ParcelList,
  type ParcelStatus,
  useParcels,
  useSaveParcel,
  useStepParcel,
} from "../api/land-api";
import { LandFormModal } from "./land-form-modal";

const DATE_FIELDS = ["idleSince", "recoveryStartedOn", "recoveredOn", "reletOn", "builtOn"] as const;
const STATUS_COLORS: Record<ParcelStatus, string> = {
  idle: "orange",
  recovering: "blue",
  recovered: "green",
  relet: "cyan",
  built: "purple",
};

export function ParcelsTab() {
  const t = useT();
  const [status, setStatus] = useState<ParcelStatus | undefined>();
  const [town, setTown] = useState<number | undefined>();
  const parcels = useParcels({ status, town });
  const [editing, setEditing] = useState<Parcel | "new" | null>(null);
  const [stepping, setStepping] = useState<Parcel | null>(null);
  const list = parcels.data;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      {list && list.keepers.length > 0 ? (
        <Typography.Text type="secondary">
          {t("land.keepers", { units: list.keepers.join(t("land.separator")) })}
        </Typography.Text>
      ) : null}
      <Space wrap>
        {list?.canManage ? (
          <Button type="primary" onClick={() => setEditing("new")}>
            {t("land.add")}
          </Button>
        ) : null}
        <Select
          allowClear
          placeholder={t("land.allStatuses")}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={PARCEL_STATUSES.map((value) => ({ value, label: t(`land.statuses.${value}`) }))}
        />
        <Select
          allowClear
          placeholder={t("land.allTowns")}
          style={{ width: 160 }}
          value={town}
          onChange={setTown}
          options={(list?.towns ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <ExportButton
          path="/api/land/parcels/export"
          params={{ status, town }}
          fileName="平台地块台账.xlsx"
          label={t("land.export")}
        />
      </Space>
      <QueryBoundary isPending={parcels.isPending} error={parcels.error}>
        {() => (list ? <Totals list={list} /> : null)}
      </QueryBoundary>
      <Table<Parcel>
        rowKey="id"
        size="small"
        loading={parcels.isPending}
        dataSource={list?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t("land.code"),
            dataIndex: "code",
            width: 110,
            fixed: "left",
            render: (code: string, parcel) => (
              <Space size={4}>
                {code}
                {parcel.isDemo ? <Tag>{t("land.demo")}</Tag> : null}
              </Space>
            ),
          },
          { title: t("land.location"), dataIndex: "location", width: 200 },
          { title: t("land.town"), key: "town", width: 100, render: (_, p) => p.town?.name ?? "—" },
          { title: t("land.area"), dataIndex: "area", width: 90, align: "right" },
          { title: t("land.use"), dataIndex: "use", width: 100, render: (use: Parcel["use"]) => t(`land.uses.${use}`) },
          { title: t("land.owner"), dataIndex: "owner", width: 170 },
          {
            title: t("land.status"),
            dataIndex: "status",
            width: 100,
            render: (value: ParcelStatus) => <Tag color={STATUS_COLORS[value]}>{t(`land.statuses.${value}`)}</Tag>,
          },
          {
            title: t("land.dates"),
            key: "dates",
            width: 190,
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                {DATE_FIELDS.filter((field) => p[field]).map((field) => (
                  <Typography.Text key={field} style={{ fontSize: 12 }}>
                    {t(`land.date.${field}`)} {p[field]}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t("land.enterprise"),
            key: "links",
            width: 160,
            render: (_, p) => [p.enterprise?.name, p.project?.name].filter(Boolean).join(" / ") || "—",
          },
          ...(list?.canManage
            ? [
                {
                  title: "",
                  key: "actions",
                  width: 150,
                  render: (_: unknown, p: Parcel) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(p)}>
                        {t("land.edit")}
                      </Button>
                      {p.nextStatuses.length > 0 ? (
                        <Button size="small" type="primary" onClick={() => setStepping(p)}>
                          {t("land.step")}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && list ? <ParcelForm parcel={editing} towns={list.towns} onClose={() => setEditing(null)} /> : null}
      {stepping ? <StepForm parcel={stepping} onClose={() => setStepping(null)} /> : null}
    </Space>
  );
}

function Totals({ list }: { list: ParcelList }) {
  const t = useT();
  const lines = [
    ...list.totals.byTown.map((line) => ({
      key: String(line.town?.id ?? "none"),
      name: line.town?.name ?? t("land.noTown"),
      ...line,
    })),
    { key: "all", name: t("land.total"), ...list.totals },
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      title={() => t("land.totals")}
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={lines}
      columns={[
        { title: t("land.town"), dataIndex: "name", width: 110, fixed: "left" },
        ...PARCEL_STATUSES.map((status) => ({
          title: t(`land.statuses.${status}`),
          key: status,
          width: 90,
          align: "right" as const,
          render: (_: unknown, line: (typeof lines)[number]) =>
            line.byStatus.find((entry) => entry.status === status)?.area ?? "0",
        })),
        {
          title: t("land.total"),
          key: "all",
          width: 110,
          align: "right" as const,
          render: (_: unknown, line: (typeof lines)[number]) => (
            <span title={t("land.count", { count: line.all.count })}>
              <b>{line.all.area}</b>
            </span>
          ),
        },
      ]}
    />
  );
}

function ParcelForm({
  parcel,
  towns,
  onClose,
}: {
  parcel: Parcel | "new";
  towns: { id: number; name: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const save = useSaveParcel();
  const [form] = Form.useForm<ParcelInput>();
  const editing = parcel === "new" ? null : parcel;
  const status = Form.useWatch("status", form) ?? editing?.status ?? "idle";
  const required = [{ required: true, whitespace: true, message: t("land.required") }];
  return (
    <LandFormModal<ParcelInput>
      form={form}
      title={editing ? `${t("land.edit")} ${editing.code}` : t("land.add")}
      saving={save.isPending}
      onClose={onClose}
      save={(values) => {
        const input = { ...values, townUnitId: values.townUnitId ?? null, note: values.note ?? "" };
        for (const field of DATE_FIELDS) input[field] = values[field] || null;
        return save.mutateAsync({ id: editing?.id ?? null, input });
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                ...editing,
                townUnitId: editing.town?.id,
                enterpriseId: editing.enterprise?.id ?? null,
                projectId: editing.project?.id ?? null,
              }
            : { status: "idle", use: "industrial" }
        }
      >
        <Form.Item name="code" label={t("land.code")} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="location" label={t("land.location")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="townUnitId" label={t("land.town")}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={towns.map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          <Form.Item
            name="area"
            label={t("land.area")}
            rules={[...required, { pattern: /^\d{1,9}(\.\d{1,2})?$/, message: t("land.areaInvalid") }]}
          >
            <Input inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="use" label={t("land.use")} rules={required}>
            <Select
              style={{ width: 160 }}
              options={PARCEL_USES.map((value) => ({ value, label: t(`land.uses.${value}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="owner" label={t("land.owner")} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="status" label={t("land.status")} hidden={editing !== null}>
          <Select options={PARCEL_STATUSES.map((value) => ({ value, label: t(`land.statuses.${value}`) }))} />
        </Form.Item>
        <Space wrap>
          {DATE_FIELDS.filter((field) => datesOf(status).includes(field)).map((field) => (
            <Form.Item key={field} name={field} label={t(`land.date.${field}`)}>
              <Input type="date" />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="note" label={t("land.note")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </LandFormModal>
  );
}

/** The date fields a parcel in `status` carries. */
function datesOf(status: ParcelStatus): string[] {
  const order = ["idleSince", "recoveryStartedOn", "recoveredOn"];
  if (status === "idle") return order.slice(0, 1);
  if (status === "recovering") return order.slice(0, 2);
  if (status === "recovered") return order;
  if (status === "relet") return [...order, "reletOn"];
  return [...order, "reletOn", "builtOn"];
}

function StepForm({ parcel, onClose }: { parcel: Parcel; onClose: () => void }) {
  const t = useT();
  const step = useStepParcel();
  const [form] = Form.useForm<{ status: ParcelStatus; on: string; owner?: string }>();
  const to = Form.useWatch("status", form);
  return (
    <LandFormModal
      form={form}
      title={t("land.stepTitle", { code: parcel.code })}
      saving={step.isPending}
      onClose={onClose}
      save={(values) =>
        step.mutateAsync({
          id: parcel.id,
          step: { status: values.status, on: values.on, ...(values.owner ? { owner: values.owner } : {}) },
        })
      }
    >
      <Typography.Paragraph type="secondary">{t("land.stepHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ status: parcel.nextStatuses[0] }}>
        <Form.Item name="status" label={t("land.stepTo")} rules={[{ required: true, message: t("land.required") }]}>
          <Select options={parcel.nextStatuses.map((value) => ({ value, label: t(`land.statuses.${value}`) }))} />
        </Form.Item>
        <Form.Item name="on" label={t("land.stepOn")} rules={[{ required: true, message: t("land.required") }]}>
          <Input type="date" />
        </Form.Item>
        {to === "relet" ? (
          <Form.Item name="owner" label={t("land.newOwner")}>
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
      </Form>
    </LandFormModal>
  );
}
