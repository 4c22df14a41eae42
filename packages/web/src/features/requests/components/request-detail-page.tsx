import { ArrowLeftOutlined, DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { findRequestCategory } from "@beizeng/domain/requests/categories";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { formatBytes, UPLOAD_ACCEPT, UPLOAD_MAX_BYTES } from "../../../shared/api/uploads";
import { NotFoundResult, QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnitName, useUnits } from "../../units";
import {
  REQUEST_RATINGS,
  type RequestAction,
  type RequestAttachment,
  type RequestDetail,
  type RequestTimelineEntry,
  useAttachRequestFile,
  useDeleteRequestFile,
  useRequest,
  useRequestAction,
} from "../api/requests-api";
import { handlingUnits } from "./handling-units";
import { RatingTag, RequestLightTag, RequestStatusTag, useCategoryName, useRequestCategories } from "./request-labels";

type Dialog = "assign" | "reopen" | "notes" | "answer" | "rate" | "close";

const dialogTitles: Record<Dialog, MessageKey> = {
  assign: "rq.assignTitle",
  reopen: "rq.reopen",
  notes: "rq.addNote",
  answer: "rq.answerTitle",
  rate: "rq.rateTitle",
  close: "rq.close",
};

interface DialogValues {
  unitId?: number;
  coUnitIds?: number[];
  deadline?: Dayjs | null;
  text?: string;
  rating?: "satisfied" | "basically" | "unsatisfied";
}

const eventColors: Record<string, string> = {
  submit: "gray",
  assign: "blue",
  reopen: "orange",
  accept: "blue",
  progress: "gray",
  instruct: "purple",
  answer: "green",
  rate: "green",
  close: "green",
  escalate: "red",
  attach: "gray",
  detach: "gray",
};

function TimelineEntry({ entry }: { entry: RequestTimelineEntry }) {
  const t = useT();
  const dateText = useDateText();
  const unitName = useUnitName();
  const data = entry.data ?? {};
  const lines: string[] = [];
  if ((entry.kind === "assign" || entry.kind === "reopen") && entry.unit) {
    lines.push(
      t("rq.event.assignedTo", { unit: unitName(entry.unit), deadline: dateText(data.deadline as string | undefined) }),
    );
    const co = (data.coUnits as string[] | undefined) ?? [];
    if (co.length > 0) lines.push(t("rq.event.coUnits", { units: co.join("、") }));
  }
  if (entry.kind === "escalate")
    lines.push(t(data.colour === "red" ? "rq.event.escalated.red" : "rq.event.escalated.yellow"));
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{t(`rq.event.${entry.kind}` as MessageKey)}</Typography.Text>
        {entry.kind === "rate" && data.rating ? <RatingTag rating={data.rating as RequestDetail["rating"]} /> : null}
        <Typography.Text type="secondary">
          {dateText(entry.at, "minute")} · {entry.actor === "system" ? t("rq.event.escalate") : entry.actor}
          {entry.unit && entry.kind !== "assign" && entry.kind !== "reopen" && entry.kind !== "escalate"
            ? `（${unitName(entry.unit)}）`
            : ""}
        </Typography.Text>
      </Space>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {entry.note ? (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>{entry.note}</Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** The request's files: name (downloads), size, who uploaded it and when; upload and delete for those who may. */
function RequestAttachments({ request, mayAttach }: { request: RequestDetail; mayAttach: boolean }) {
  const t = useT();
  const dateText = useDateText();
  const unitName = useUnitName();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const attach = useAttachRequestFile(request.id);
  const remove = useDeleteRequestFile(request.id);

  const upload = async (file: File) => {
    try {
      await attach.mutateAsync(file);
      message.success(t("rq.files.uploaded", { name: file.name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const confirmDelete = (file: RequestAttachment) =>
    modal.confirm({
      title: t("rq.files.deleteConfirm", { name: file.fileName }),
      okText: t("common.confirm"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(file.id);
          message.success(t("rq.done"));
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  return (
    <Card
      title={t("rq.files")}
      extra={
        mayAttach ? (
          <Upload
            accept={UPLOAD_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > UPLOAD_MAX_BYTES) message.error(t("rq.files.tooLarge", { name: file.name }));
              else void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={attach.isPending}>
              {t("rq.files.upload")}
            </Button>
          </Upload>
        ) : null
      }
    >
      {mayAttach ? <Typography.Paragraph type="secondary">{t("rq.files.hint")}</Typography.Paragraph> : null}
      <Table<RequestAttachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={request.attachments}
        locale={{ emptyText: t("rq.files.empty") }}
        columns={[
          {
            title: t("rq.files.name"),
            key: "name",
            render: (_, file) => (
              <a href={`/api/enterprise-request-attachments/${file.id}`} title={`SHA-256 ${file.sha256}`}>
                {file.fileName}
              </a>
            ),
          },
          {
            title: t("rq.files.size"),
            dataIndex: "sizeBytes",
            width: 100,
            render: (value: number) => formatBytes(value),
          },
          {
            title: t("rq.files.uploadedBy"),
            key: "by",
            render: (_, file) => (file.unit ? `${file.uploadedBy}（${unitName(file.unit)}）` : file.uploadedBy),
          },
          {
            title: t("rq.files.uploadedAt"),
            dataIndex: "createdAt",
            width: 170,
            render: (value: string) => dateText(value, "minute"),
          },
          {
            title: "",
            key: "actions",
            width: 60,
            render: (_, file) =>
              file.mayDelete ? (
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t("rq.files.delete", { name: file.fileName })}
                  title={t("rq.files.delete", { name: file.fileName })}
                  onClick={() => confirmDelete(file)}
                />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function RequestDetailView({ request }: { request: RequestDetail }) {
  const t = useT();
  const dateText = useDateText();
  const categoryName = useCategoryName();
  // A category the plan no longer has gives no time limit: the office then sets the deadline itself.
  const category = findRequestCategory(useRequestCategories(), request.category);
  const categoryInPlan = category !== undefined;
  const unitName = useUnitName();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser().data;
  const role = user?.role;
  const units = useUnits({ enabled: role === "office" });
  const action = useRequestAction(request.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const rating = Form.useWatch("rating", form);

  const isOffice = role === "office";
  const isResponsible = role === "unit" && user?.unit?.id === request.unit?.id;
  const isCoUnit = role === "unit" && request.coUnits.some((c) => c.id === user?.unit?.id);
  const open = request.status === "assigned" || request.status === "accepted";
  const assignable = handlingUnits(units.data);

  const run = async (body: RequestAction) => {
    try {
      await action.mutateAsync(body);
      message.success(t("rq.done"));
      setDialog(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const openDialog = (which: Dialog) => {
    form.resetFields();
    if (which === "assign" || which === "reopen")
      form.setFieldsValue({
        // The first assignment starts from the unit the plan proposes for the category.
        unitId: request.unit?.id ?? request.proposedUnit?.id,
        coUnitIds: request.coUnits.map((c) => c.id),
      });
    setDialog(which);
  };

  const confirm = async () => {
    const values = await form.validateFields();
    const text = values.text?.trim() ?? "";
    const deadline = values.deadline ? values.deadline.format("YYYY-MM-DD") : undefined;
    switch (dialog) {
      case "assign":
        return run({
          action: "assign",
          unitId: values.unitId as number,
          coUnitIds: values.coUnitIds ?? [],
          ...(deadline ? { deadline } : {}),
          ...(text ? { note: text } : {}),
        });
      case "reopen":
        return run({
          action: "reopen",
          reason: text,
          unitId: values.unitId,
          coUnitIds: values.coUnitIds ?? [],
          ...(deadline ? { deadline } : {}),
        });
      case "notes":
        return run({ action: "notes", note: text });
      case "answer":
        return run({ action: "answer", answer: text });
      case "rate":
        return run({ action: "rate", rating: values.rating ?? "satisfied", ...(text ? { comment: text } : {}) });
      case "close":
        return run({ action: "close", note: text });
      default:
        return undefined;
    }
  };

  const buttons: { key: string; label: string; onClick: () => void; primary?: boolean; danger?: boolean }[] = [];
  if (isOffice && (request.status === "submitted" || open))
    buttons.push({
      key: "assign",
      label: request.status === "submitted" ? t("rq.assign") : t("rq.reassign"),
      onClick: () => openDialog("assign"),
      primary: request.status === "submitted",
    });
  if (isOffice && request.rating === "unsatisfied" && request.status !== "submitted" && !open)
    buttons.push({ key: "reopen", label: t("rq.reopen"), onClick: () => openDialog("reopen"), primary: true });
  if (isResponsible && request.status === "assigned")
    buttons.push({ key: "accept", label: t("rq.accept"), onClick: () => run({ action: "accept" }), primary: true });
  // Answering follows accepting: a request not yet accepted offers 受理 only.
  if (isResponsible && request.status === "accepted")
    buttons.push({ key: "answer", label: t("rq.answerAction"), onClick: () => openDialog("answer"), primary: true });
  if ((isOffice || isResponsible || isCoUnit) && request.status !== "closed")
    buttons.push({ key: "notes", label: t("rq.addNote"), onClick: () => openDialog("notes") });
  if (role === "leader" && request.mineAsLeader && request.status !== "closed")
    buttons.push({ key: "instruct", label: t("rq.instruct"), onClick: () => openDialog("notes") });
  if (role === "enterprise" && request.status === "answered" && request.rating === null)
    buttons.push({ key: "rate", label: t("rq.rate"), onClick: () => openDialog("rate"), primary: true });
  if (isOffice && request.status !== "closed")
    buttons.push({ key: "close", label: t("rq.close"), onClick: () => openDialog("close") });

  const textLabel: MessageKey =
    dialog === "assign"
      ? "rq.assignNote"
      : dialog === "reopen"
        ? "rq.reopenReason"
        : dialog === "answer"
          ? "rq.answer"
          : dialog === "rate"
            ? "rq.ratingComment"
            : dialog === "close"
              ? "rq.closeNote"
              : role === "leader"
                ? "rq.instruct"
                : "rq.note";
  const textRequired = dialog !== "assign" && !(dialog === "rate" && rating !== "unsatisfied");

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Link to="/requests">
        <ArrowLeftOutlined /> {t("rq.back")}
      </Link>
      <Card>
        <Space style={{ width: "100%", justifyContent: "space-between" }} align="start" wrap>
          <Space direction="vertical" size={4}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {request.title}
            </Typography.Title>
            <Space size={4} wrap>
              <Typography.Text type="secondary">
                {t("rq.id")} {request.id}
              </Typography.Text>
              <RequestStatusTag status={request.status} />
              <RequestLightTag request={request} />
              <RatingTag rating={request.rating} />
              {request.answeredLate ? <Typography.Text type="warning">{t("rq.answeredLate")}</Typography.Text> : null}
              {request.reopenCount > 0 ? (
                <Typography.Text type="secondary">{t("rq.reopened", { count: request.reopenCount })}</Typography.Text>
              ) : null}
            </Space>
          </Space>
          <Space wrap>
            {buttons.map((button) => (
              <Button
                key={button.key}
                type={button.primary ? "primary" : "default"}
                danger={button.danger}
                onClick={button.onClick}
                loading={action.isPending && button.key === "accept"}
              >
                {button.label}
              </Button>
            ))}
          </Space>
        </Space>
        {request.status === "answered" && request.rating === "unsatisfied" ? (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon message={t("rq.unsatisfiedWaiting")} />
        ) : request.status === "answered" && role === "enterprise" && request.rating === null ? (
          <Alert style={{ marginTop: 16 }} type="info" showIcon message={t("rq.pleaseRate")} />
        ) : request.status === "answered" && role !== "enterprise" ? (
          <Alert style={{ marginTop: 16 }} type="info" showIcon message={t("rq.waitingRating")} />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t("rq.enterprise")}>
            {role === "enterprise" ? (
              request.enterprise.name
            ) : (
              <Link to={`/enterprises/${request.enterprise.id}`}>{request.enterprise.name}</Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("rq.category")}>{categoryName(request.category)}</Descriptions.Item>
          <Descriptions.Item label={t("rq.channel")}>
            {t(`rq.channel.${request.channel}`)}
            {request.serviceDay ? `（${request.serviceDay.theme}）` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("rq.createdAt")}>{dateText(request.createdAt, "minute")}</Descriptions.Item>
          <Descriptions.Item label={t("rq.unit")}>{request.unit ? unitName(request.unit) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("rq.coUnits")}>
            {request.coUnits.length > 0 ? request.coUnits.map((c) => unitName(c)).join("、") : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("rq.deadline")}>
            {dateText(request.deadline)}
            {category && request.deadline ? (
              <Typography.Text type="secondary">
                {t(`rq.deadlineLimit.${category.dayKind}`, {
                  limit: t("rq.limit", { days: category.limitDays, kind: t(`rq.limit.${category.dayKind}`) }),
                })}
              </Typography.Text>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t("rq.contactName")}>
            {request.contactName}　{request.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t("rq.content")} span={2}>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
              {request.content}
            </Typography.Paragraph>
          </Descriptions.Item>
          {request.answer ? (
            <Descriptions.Item label={t("rq.answer")} span={2}>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
                {request.answer}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{dateText(request.answeredAt, "minute")}</Typography.Text>
            </Descriptions.Item>
          ) : null}
          {request.rating ? (
            <Descriptions.Item label={t("rq.rating")} span={2}>
              <RatingTag rating={request.rating} /> {request.ratingComment}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <RequestAttachments
        request={request}
        mayAttach={
          request.status !== "closed" &&
          (role === "enterprise" ||
            isOffice ||
            isResponsible ||
            isCoUnit ||
            (role === "leader" && request.mineAsLeader))
        }
      />
      <Card title={t("rq.timeline")}>
        <Timeline
          items={request.timeline.map((entry) => ({
            color:
              entry.kind === "escalate" && entry.data?.colour === "yellow"
                ? "orange"
                : (eventColors[entry.kind] ?? "gray"),
            children: <TimelineEntry entry={entry} />,
          }))}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog ? t(dialogTitles[dialog]) : ""}
        onCancel={() => setDialog(null)}
        onOk={confirm}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={action.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === "assign" || dialog === "reopen" ? (
            <>
              <Form.Item
                name="unitId"
                label={t("rq.unit")}
                rules={[{ required: true }]}
                extra={
                  request.proposedUnit ? t("rq.proposedUnit", { unit: unitName(request.proposedUnit) }) : undefined
                }
              >
                <Select
                  aria-label={t("rq.unit")}
                  showSearch
                  optionFilterProp="label"
                  options={assignable.map((unit) => ({ value: unit.id, label: unitName(unit) }))}
                />
              </Form.Item>
              <Form.Item name="coUnitIds" label={t("rq.coUnits")}>
                <Select
                  aria-label={t("rq.coUnits")}
                  mode="multiple"
                  optionFilterProp="label"
                  options={assignable.map((unit) => ({ value: unit.id, label: unitName(unit) }))}
                />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t("rq.deadline")}
                rules={[{ required: !categoryInPlan }]}
                extra={t(categoryInPlan ? "rq.deadlineHint" : "rq.deadlineRequired")}
              >
                <DatePicker aria-label={t("rq.deadline")} />
              </Form.Item>
            </>
          ) : null}
          {dialog === "rate" ? (
            <Form.Item
              name="rating"
              label={t("rq.rating")}
              rules={[{ required: true }]}
              extra={t("rq.unsatisfiedHint")}
            >
              <Radio.Group
                options={REQUEST_RATINGS.map((value) => ({
                  value,
                  label: t(`rq.rating.${value}`),
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="text"
            label={t(textLabel)}
            rules={textRequired ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea aria-label={t(textLabel)} rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export function RequestDetailPage() {
  const { requestId } = useParams();
  const id = Number(requestId);
  const request = useRequest(id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  return (
    <QueryBoundary isPending={request.isPending} error={request.error}>
      {() => (request.data ? <RequestDetailView request={request.data} /> : null)}
    </QueryBoundary>
  );
}
