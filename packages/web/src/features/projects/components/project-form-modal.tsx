import { amountInUnit, parseAmountInUnit } from "@beizeng/domain/money";
import { App, AutoComplete, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import {
  PROJECT_ORIGINS,
  type Project,
  type ProjectInput,
  type ProjectStage,
  useCreateProject,
  useProjectOptions,
  useUpdateProject,
} from "../api/projects-api";

interface FormValues {
  code?: string;
  name: string;
  investor: string;
  chainId: string;
  plannedWan: string;
  completedWan?: string;
  manufacturing: boolean;
  sourceUnitId?: number;
  origin: "top500" | "listed" | "other";
  leadUnitId?: number;
  leaderUserId?: number;
  location?: string;
  plannedSigned?: Dayjs;
  plannedConstruction?: Dayjs;
  plannedProduction?: Dayjs;
}

/** 万元 as written (up to six decimals) → fen, exactly. */
function wanToFen(text: string | undefined): string {
  if (!text?.trim()) return "0";
  return parseAmountInUnit(text.trim(), 10000n).toString();
}

const WAN = /^\d{1,13}(\.\d{1,6})?$/;
const plannedStages: { stage: ProjectStage; field: "plannedSigned" | "plannedConstruction" | "plannedProduction" }[] = [
  { stage: "signed", field: "plannedSigned" },
  { stage: "construction", field: "plannedConstruction" },
  { stage: "production", field: "plannedProduction" },
];

/** Creates or edits a project. The category is never entered: it follows from the planned investment. */
export function ProjectFormModal({
  open,
  project,
  onClose,
}: {
  open: boolean;
  project?: Project | null;
  onClose: (saved?: Project) => void;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const plan = usePlan();
  const options = useProjectOptions();
  const create = useCreateProject();
  const update = useUpdateProject();
  const [form] = Form.useForm<FormValues>();
  const plannedWan = Form.useWatch("plannedWan", form);

  useEffect(() => {
    if (!open) return;
    if (project) {
      const planned = (stage: ProjectStage) => {
        const date = project.stages.find((entry) => entry.stage === stage)?.plannedOn;
        return date ? dayjs(date) : undefined;
      };
      form.setFieldsValue({
        code: project.code,
        name: project.name,
        investor: project.investor,
        chainId: project.chainId,
        plannedWan: amountInUnit(BigInt(project.plannedInvestmentFen), "万元"),
        completedWan: amountInUnit(BigInt(project.completedInvestmentFen), "万元"),
        manufacturing: project.manufacturing,
        sourceUnitId: project.sourceUnit?.id,
        origin: project.origin,
        leadUnitId: project.leadUnit?.id,
        leaderUserId: project.leader?.id,
        location: project.location,
        plannedSigned: planned("signed"),
        plannedConstruction: planned("construction"),
        plannedProduction: planned("production"),
      });
    } else {
      form.resetFields();
    }
  }, [open, project, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const plannedDates: Partial<Record<ProjectStage, string | null>> = {};
    for (const { stage, field } of plannedStages) plannedDates[stage] = values[field]?.format("YYYY-MM-DD") ?? null;
    const input: ProjectInput = {
      ...(values.code?.trim() ? { code: values.code.trim() } : {}),
      name: values.name,
      investor: values.investor,
      chainId: values.chainId,
      plannedInvestmentFen: wanToFen(values.plannedWan),
      completedInvestmentFen: wanToFen(values.completedWan),
      manufacturing: values.manufacturing ?? false,
      sourceUnitId: values.sourceUnitId ?? null,
      origin: values.origin ?? "other",
      leadUnitId: values.leadUnitId ?? null,
      leaderUserId: values.leaderUserId ?? null,
      location: values.location ?? "",
      plannedDates,
    };
    try {
      const saved = project ? await update.mutateAsync({ id: project.id, ...input }) : await create.mutateAsync(input);
      message.success(t("common.saved"));
      onClose(saved);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const previewFen = plannedWan && WAN.test(plannedWan.trim()) ? wanToFen(plannedWan) : null;
  const units = (options.data?.units ?? []).map((unit) => ({ value: unit.id, label: unitName(unit) }));

  return (
    <Modal
      open={open}
      width={760}
      title={project ? t("pj.editTitle") : t("pj.createTitle")}
      onCancel={() => onClose()}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ origin: "other", manufacturing: true }}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t("projects.name")}
              rules={[{ required: true, whitespace: true, message: t("pj.nameRequired") }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="code" label={t("projects.code")} extra={project ? undefined : t("pj.codeHint")}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="investor"
              label={t("projects.investor")}
              rules={[{ required: true, whitespace: true, message: t("pj.investorRequired") }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="origin" label={t("pj.origin")}>
              <Select
                options={PROJECT_ORIGINS.map((origin) => ({
                  value: origin,
                  label: t(`pj.origin.${origin}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="chainId"
              label={t("projects.chain")}
              rules={[{ required: true, message: t("pj.chainRequired") }]}
            >
              <Select
                options={(plan.data?.chains ?? []).map((chain) => ({
                  value: chain.id,
                  label: localized(chain.name, chain.nameEn),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="plannedWan"
              label={t("pj.plannedWan")}
              rules={[
                { required: true, message: t("pj.plannedRequired") },
                { pattern: WAN, message: t("pj.amountInvalid") },
              ]}
              extra={
                previewFen ? `${formatFenForDisplay(previewFen)} · ${t("pj.categoryDerived")}` : t("pj.categoryDerived")
              }
            >
              <Input inputMode="decimal" suffix={t("money.wan")} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="completedWan"
              label={t("pj.completedWan")}
              rules={[{ pattern: WAN, message: t("pj.amountInvalid") }]}
            >
              <Input inputMode="decimal" suffix={t("money.wan")} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="manufacturing" label={t("pj.manufacturing")} valuePropName="checked">
              <Checkbox>{t("pj.manufacturingYes")}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leadUnitId" label={t("projects.leadUnit")}>
              <Select allowClear showSearch optionFilterProp="label" options={units} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sourceUnitId" label={t("pj.sourceUnit")}>
              <Select allowClear showSearch optionFilterProp="label" options={units} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leaderUserId" label={t("pj.leader")}>
              <Select
                allowClear
                options={(options.data?.leaders ?? []).map((leader) => ({ value: leader.id, label: leader.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="location" label={t("pj.location")}>
              <AutoComplete options={[{ value: "鱼丽工业平台" }]} placeholder={t("pj.locationPlaceholder")} />
            </Form.Item>
          </Col>
          {plannedStages.map(({ stage, field }) => (
            <Col span={8} key={stage}>
              <Form.Item name={field} label={t("pj.plannedDate", { stage: t(`stage.${stage}`) })}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
