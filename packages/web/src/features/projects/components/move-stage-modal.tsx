import { App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { PROJECT_STAGES, type Project, type ProjectStage, useMoveProject } from "../api/projects-api";

interface MoveValues {
  stage: ProjectStage;
  reachedOn: Dayjs;
  reason?: string;
}

/** Moves a project to another stage on a date; moving back asks for the reason. */
export function MoveStageModal({
  project,
  initialStage,
  onClose,
}: {
  project: Project | null;
  initialStage?: ProjectStage;
  onClose: () => void;
}) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveProject();
  const chosen = Form.useWatch("stage", form);
  const back = project && chosen ? PROJECT_STAGES.indexOf(chosen) < PROJECT_STAGES.indexOf(project.stage) : false;

  useEffect(() => {
    if (project) form.setFieldsValue({ stage: initialStage, reachedOn: dayjs(), reason: undefined });
  }, [project, initialStage, form]);

  const submit = async () => {
    if (!project) return;
    const values = await form.validateFields();
    try {
      await move.mutateAsync({
        id: project.id,
        stage: values.stage,
        reachedOn: values.reachedOn.format("YYYY-MM-DD"),
        ...(values.reason ? { reason: values.reason } : {}),
      });
      message.success(t("pj.moved", { stage: codeLabel("stage", values.stage) }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={project !== null}
      title={t("pj.moveTitle", { name: project?.name ?? "" })}
      onCancel={onClose}
      onOk={submit}
      okText={t("common.confirm")}
      cancelText={t("common.cancel")}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("pj.currentStage")}
        {t("common.colon")}
        {codeLabel("stage", project?.stage)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="stage"
          label={t("pj.targetStage")}
          rules={[{ required: true, message: t("pj.stageRequired") }]}
        >
          <Select
            options={PROJECT_STAGES.filter((stage) => stage !== project?.stage).map((stage) => ({
              value: stage,
              label: codeLabel("stage", stage),
            }))}
          />
        </Form.Item>
        <Form.Item name="reachedOn" label={t("pj.reachedOn")} rules={[{ required: true }]}>
          <DatePicker disabledDate={(date) => date.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("pj.reason")}
          rules={[{ required: back, whitespace: true, message: t("pj.reasonRequired") }]}
          extra={back ? t("pj.reasonHint") : undefined}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
