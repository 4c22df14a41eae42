import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import {
  BLOCKER_CATEGORIES,
  type Blocker,
  PROJECT_STAGES,
  type ProjectDetail,
  type ProjectStage,
  useAddDecision,
  useProject,
  useProjectOptions,
  useRaiseBlocker,
} from "../api/projects-api";
import { BlockersTable } from "./blockers-panel";
import { MoveStageModal } from "./move-stage-modal";
import { ProjectFormModal } from "./project-form-modal";
import { CategoryTag, ScheduleBadge } from "./project-labels";

/** One project: its facts, its stages (planned and reached), its moves, problems and the leader's decisions. */
export function ProjectDetailPage() {
  const t = useT();
  const params = useParams();
  const id = Number(params.projectId);
  const detail = useProject(id);
  return (
    <QueryBoundary isPending={detail.isPending} error={detail.error}>
      {() => <ProjectDetailView detail={detail.data as ProjectDetail} back={t("pj.backToList")} />}
    </QueryBoundary>
  );
}

function ProjectDetailView({ detail, back }: { detail: ProjectDetail; back: string }) {
  const t = useT();
  const dateText = useDateText();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const unitName = useUnitName();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const plan = usePlan();
  const options = useProjectOptions();
  const raise = useRaiseBlocker();
  const decide = useAddDecision();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [blockerForm] = Form.useForm<{
    category: Blocker["category"];
    description: string;
    unitId: number;
    dueOn: Dayjs;
  }>();
  const [decisionForm] = Form.useForm<{ text: string }>();
  const { project } = detail;
  const chain = plan.data?.chains.find((candidate) => candidate.id === project.chainId);
  const current = PROJECT_STAGES.indexOf(project.stage);

  const submitBlocker = async (values: {
    category: Blocker["category"];
    description: string;
    unitId: number;
    dueOn: Dayjs;
  }) => {
    try {
      await raise.mutateAsync({ id: project.id, ...values, dueOn: values.dueOn.format("YYYY-MM-DD") });
      blockerForm.resetFields();
      message.success(t("common.saved"));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const submitDecision = async (values: { text: string }) => {
    try {
      await decide.mutateAsync({ id: project.id, text: values.text });
      decisionForm.resetFields();
      message.success(t("common.saved"));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Link to="/projects">
        <ArrowLeftOutlined /> {back}
      </Link>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {project.name}
            </Typography.Title>
            <CategoryTag category={project.category} />
            <ScheduleBadge status={project.schedule.status} daysLate={project.schedule.daysLate} />
            {project.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
          </Space>
        }
        extra={
          detail.canWrite ? (
            <Space>
              <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button>
              <Button type="primary" onClick={() => setMoving(true)}>
                {t("pj.changeStage")}
              </Button>
            </Space>
          ) : null
        }
      >
        <Steps
          size="small"
          current={current}
          status={project.schedule.status === "red" ? "error" : "process"}
          items={project.stages.map((entry) => ({
            title: codeLabel("stage", entry.stage),
            description: (
              <>
                <div>
                  {t("pj.planned")}
                  {t("common.colon")}
                  {dateText(entry.plannedOn)}
                </div>
                <div>
                  {t("pj.reached")}
                  {t("common.colon")}
                  {dateText(entry.reachedOn)}
                </div>
              </>
            ),
          }))}
          style={{ marginBottom: 24 }}
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t("projects.code")}>{project.code}</Descriptions.Item>
          <Descriptions.Item label={t("projects.investor")}>{project.investor}</Descriptions.Item>
          <Descriptions.Item label={t("pj.origin")}>{t(`pj.origin.${project.origin}`)}</Descriptions.Item>
          <Descriptions.Item label={t("projects.chain")}>
            {chain ? localized(chain.name, chain.nameEn) : project.chainId}
          </Descriptions.Item>
          <Descriptions.Item label={t("projects.planned")}>
            {formatFenForDisplay(project.plannedInvestmentFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t("projects.completed")}>
            {formatFenForDisplay(project.completedInvestmentFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t("pj.manufacturing")}>
            {project.manufacturing ? t("common.yes") : t("common.no")}
          </Descriptions.Item>
          <Descriptions.Item label={t("projects.leadUnit")}>
            {project.leadUnit ? unitName(project.leadUnit) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("pj.sourceUnit")}>
            {project.sourceUnit ? unitName(project.sourceUnit) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("pj.leader")}>{project.leader?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("pj.enterprise")}>
            {project.enterprise ? (
              <Link to={`/enterprises/${project.enterprise.id}`}>{project.enterprise.name}</Link>
            ) : (
              "—"
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("pj.location")}>{project.location || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("projects.introducedYear")}>{project.introducedYear ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("projects.productionYear")}>{project.productionYear ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t("pj.blockers")}>
        <BlockersTable blockers={detail.blockers} showProject={false} />
        {detail.canWrite ? (
          <Form form={blockerForm} layout="inline" onFinish={submitBlocker} style={{ marginTop: 16, rowGap: 8 }}>
            <Form.Item name="category" rules={[{ required: true, message: t("pj.blockerCategory") }]}>
              <Select
                placeholder={t("pj.blockerCategory")}
                style={{ width: 130 }}
                options={BLOCKER_CATEGORIES.map((category) => ({
                  value: category,
                  label: t(`pj.blocker.${category}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="description"
              rules={[{ required: true, whitespace: true, message: t("pj.blockerDescription") }]}
            >
              <Input placeholder={t("pj.blockerDescription")} style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="unitId" rules={[{ required: true, message: t("pj.blockerUnit") }]}>
              <Select
                placeholder={t("pj.blockerUnit")}
                showSearch
                optionFilterProp="label"
                style={{ width: 180 }}
                options={(options.data?.units ?? []).map((unit) => ({ value: unit.id, label: unitName(unit) }))}
              />
            </Form.Item>
            <Form.Item
              name="dueOn"
              rules={[{ required: true, message: t("pj.dueOn") }]}
              initialValue={dayjs().add(7, "day")}
            >
              <DatePicker placeholder={t("pj.dueOn")} />
            </Form.Item>
            <Button htmlType="submit" loading={raise.isPending}>
              {t("pj.raiseBlocker")}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card title={t("pj.decisions")}>
        <List
          dataSource={detail.decisions}
          locale={{ emptyText: t("common.noData") }}
          renderItem={(decision) => (
            <List.Item>
              <List.Item.Meta
                title={`${dateText(decision.decidedOn)} · ${decision.author}`}
                description={decision.text}
              />
            </List.Item>
          )}
        />
        {detail.canDecide ? (
          <Form form={decisionForm} onFinish={submitDecision} layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item
              name="text"
              label={t("pj.newDecision")}
              rules={[{ required: true, whitespace: true, message: t("pj.newDecision") }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              {t("pj.logDecision")}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card title={t("pj.history")}>
        <Timeline
          items={detail.moves.map((move) => ({
            color:
              move.fromStage && PROJECT_STAGES.indexOf(move.toStage) < PROJECT_STAGES.indexOf(move.fromStage)
                ? "red"
                : "blue",
            children: (
              <>
                <Typography.Text strong>
                  {move.fromStage ? `${codeLabel("stage", move.fromStage)} → ` : ""}
                  {codeLabel("stage", move.toStage)}
                </Typography.Text>{" "}
                {dateText(move.reachedOn)} · {move.movedBy}
                {move.reason ? (
                  <div>
                    {t("pj.reason")}
                    {t("common.colon")}
                    {move.reason}
                  </div>
                ) : null}
              </>
            ),
          }))}
        />
      </Card>
      <ProjectFormModal open={editing} project={project} onClose={() => setEditing(false)} />
      <MoveStageModal
        project={moving ? project : null}
        initialStage={(PROJECT_STAGES[current + 1] ?? undefined) as ProjectStage | undefined}
        onClose={() => setMoving(false)}
      />
    </Space>
  );
}
