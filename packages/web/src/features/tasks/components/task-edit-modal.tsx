import { App, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useErrorText } from "../../../shared/api/error-text";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useUnits } from "../../units";
import { MEASUREMENT_UNITS, TASK_CYCLES, type Task, useUpdateTask } from "../api/tasks-api";

interface EditValues {
  title: string;
  ownerUnitId: number;
  sharingUnitIds: number[];
  cycle: Task["cycle"];
  dueDate?: Dayjs | null;
  quantityUnit?: Task["quantityUnit"];
  quantityTarget?: string | null;
  note?: string;
}

/** The office edits a task: owner and sharing units, cycle or due date, planned quantity and its unit. */
export function TaskEditModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const t = useT();
  const localized = useLocalizedText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const units = useUnits();
  const update = useUpdateTask(task.id);
  const [form] = Form.useForm<EditValues>();
  const cycle = Form.useWatch("cycle", form) ?? task.cycle;
  const unitOptions = (units.data ?? [])
    .filter((unit) => unit.active && ["department", "town", "street"].includes(unit.kind))
    .map((unit) => ({ value: unit.id, label: localized(unit.name, unit.nameEn) }));

  return (
    <Modal
      open
      title={t("tasks.editTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      width={640}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: task.title,
          ownerUnitId: task.ownerUnit.id,
          sharingUnitIds: task.sharingUnits.map((u) => u.id),
          cycle: task.cycle,
          dueDate: task.dueDate ? dayjs(task.dueDate) : null,
          quantityUnit: task.quantityUnit,
          quantityTarget: task.quantityTarget,
          note: task.note,
        }}
        onFinish={(values) =>
          update.mutate(
            {
              title: values.title,
              ownerUnitId: values.ownerUnitId,
              sharingUnitIds: values.sharingUnitIds,
              cycle: values.cycle,
              dueDate: values.cycle === "once" && values.dueDate ? values.dueDate.format("YYYY-MM-DD") : null,
              quantityUnit: values.quantityUnit ?? null,
              quantityTarget: values.quantityTarget || null,
              note: values.note ?? "",
            },
            {
              onSuccess: () => {
                void message.success(t("common.saved"));
                onClose();
              },
              onError: (error) => void message.error(errorText(error)),
            },
          )
        }
      >
        <Form.Item name="title" label={t("tasks.task")} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t("tasks.owner")} rules={[{ required: true }]}>
          <Select options={unitOptions} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="sharingUnitIds" label={t("tasks.sharing")}>
          <Select mode="multiple" options={unitOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="cycle" label={t("tasks.cycle")}>
          <Select options={TASK_CYCLES.map((c) => ({ value: c, label: t(`tasks.cycles.${c}`) }))} />
        </Form.Item>
        {cycle === "once" ? (
          <Form.Item name="dueDate" label={t("tasks.deadline")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        ) : null}
        <Form.Item name="quantityUnit" label={t("tasks.quantityUnit")}>
          <Select allowClear options={MEASUREMENT_UNITS.map((u) => ({ value: u, label: t(`tasks.units.${u}`) }))} />
        </Form.Item>
        <Form.Item
          name="quantityTarget"
          label={t("tasks.quantityPlan")}
          rules={[{ pattern: /^\d+(\.\d{1,4})?$/, message: t("tasks.quantityInvalid") }]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t("tasks.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
