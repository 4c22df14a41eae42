import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, InputNumber, Rate, Select, Space, Typography } from "antd";
import { useState } from "react";
import { FormModal } from "../../../shared/components/form-modal";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnits } from "../../units";
import {
  EVENT_KINDS,
  type EventInput,
  type EventSummary,
  useCancelEvent,
  useDecline,
  useEnterpriseSearch,
  useGiveFeedback,
  useInvite,
  useRegister,
  useSaveEvent,
} from "../api/events-api";

const required = (t: ReturnType<typeof useT>, field: string) => [
  { required: true, whitespace: true, message: t("evt.required", { field }) },
];

/** A new event, or an event's edit: kind, topic, days, place, host unit, capacity and who may register. */
export function EventModal({ event, onClose }: { event: EventSummary | null; onClose: () => void }) {
  const t = useT();
  const localized = useLocalizedText();
  const [form] = Form.useForm<EventInput>();
  const save = useSaveEvent();
  const units = useUnits();
  const user = useCurrentUser().data;
  return (
    <FormModal
      form={form}
      title={event ? t("evt.edit") : t("evt.add")}
      okText={t("evt.save")}
      saving={save.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await save.mutateAsync({ id: event?.id ?? null, input: { ...values, description: values.description ?? "" } });
        return t("evt.saved");
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          event
            ? {
                kind: event.kind,
                topic: event.topic,
                startsOn: event.startsOn,
                endsOn: event.endsOn,
                place: event.place,
                hostUnitId: event.hostUnit.id,
                capacity: event.capacity,
                invitationOnly: event.invitationOnly,
                registrationClosesOn: event.registrationClosesOn,
                description: event.description,
              }
            : { kind: "salon", invitationOnly: false, capacity: 30, hostUnitId: user?.unit?.id }
        }
      >
        <Space wrap>
          <Form.Item name="kind" label={t("evt.kind")}>
            <Select
              aria-label={t("evt.kind")}
              style={{ minWidth: 160 }}
              options={EVENT_KINDS.map((value) => ({ value, label: t(`evt.kind.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t("evt.capacity")}
            rules={[{ required: true, message: t("evt.required", { field: t("evt.capacity") }) }]}
          >
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t("evt.topic")} rules={required(t, t("evt.topic"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t("evt.startsOn")} rules={required(t, t("evt.startsOn"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t("evt.endsOn")} rules={required(t, t("evt.endsOn"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="registrationClosesOn"
            label={t("evt.registrationClosesOn")}
            rules={required(t, t("evt.registrationClosesOn"))}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t("evt.place")} rules={required(t, t("evt.place"))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="hostUnitId"
          label={t("evt.hostUnit")}
          rules={[{ required: true, message: t("evt.required", { field: t("evt.hostUnit") }) }]}
        >
          <Select
            aria-label={t("evt.hostUnit")}
            showSearch
            optionFilterProp="label"
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: localized(unit.name, unit.nameEn) }))}
          />
        </Form.Item>
        <Form.Item name="invitationOnly" valuePropName="checked">
          <Checkbox>{t("evt.invitationOnly")}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={`${t("evt.description")}${t("evt.optional")}`}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function CancelEventModal({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelEvent();
  return (
    <FormModal
      form={form}
      title={t("evt.cancelEvent")}
      okText={t("evt.cancelEvent")}
      saving={cancel.isPending}
      onClose={onClose}
      save={async ({ reason }) => {
        await cancel.mutateAsync({ id: event.id, reason });
        return t("evt.cancelled");
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t("evt.cancelReason")} rules={required(t, t("evt.cancelReason"))}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Invites enterprises found in the register by name or credit code. */
export function InviteModal({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ enterpriseIds: number[] }>();
  const [q, setQ] = useState("");
  const found = useEnterpriseSearch(q);
  const invite = useInvite();
  return (
    <FormModal
      form={form}
      title={t("evt.invite")}
      okText={t("evt.invite")}
      saving={invite.isPending}
      onClose={onClose}
      save={async ({ enterpriseIds }) => {
        const result = await invite.mutateAsync({ id: event.id, enterpriseIds });
        return t("evt.invitedResult", { invited: result.invited, already: result.alreadyInvited });
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="enterpriseIds"
          label={t("evt.inviteChoose")}
          rules={[{ required: true, message: t("evt.required", { field: t("evt.inviteChoose") }) }]}
        >
          <Select
            mode="multiple"
            aria-label={t("evt.inviteChoose")}
            placeholder={t("evt.inviteSearch")}
            filterOption={false}
            onSearch={setQ}
            loading={found.isFetching}
            options={(found.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface PersonForm {
  persons: { name: string; title?: string; phone: string }[];
}

/** Registers the enterprise's named persons, within the seats left. */
export function RegisterModal({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<PersonForm>();
  const register = useRegister();
  return (
    <FormModal
      form={form}
      title={t("evt.registerTitle", { topic: event.topic })}
      okText={t("evt.register")}
      saving={register.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        const result = await register.mutateAsync({ id: event.id, input: values });
        return t("evt.registered", { count: result.registered });
      }}
    >
      <Typography.Paragraph type="secondary">
        {t("evt.seatsLeft", { count: event.capacity - event.seatsTaken })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ persons: [{ name: "", phone: "" }] }}>
        <Form.List name="persons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, "name"]}
                    label={index === 0 ? t("evt.personName") : undefined}
                    rules={required(t, t("evt.personName"))}
                  >
                    <Input aria-label={t("evt.personName")} maxLength={50} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "title"]} label={index === 0 ? t("evt.personTitle") : undefined}>
                    <Input aria-label={t("evt.personTitle")} maxLength={50} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "phone"]}
                    label={index === 0 ? t("evt.personPhone") : undefined}
                    rules={required(t, t("evt.personPhone"))}
                  >
                    <Input aria-label={t("evt.personPhone")} maxLength={30} style={{ width: 150 }} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      aria-label={t("evt.removePerson")}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      style={index === 0 ? { marginTop: 30 } : undefined}
                    />
                  ) : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", phone: "" })}>
                {t("evt.addPerson")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

export function DeclineModal({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const decline = useDecline();
  return (
    <FormModal
      form={form}
      title={t("evt.declineTitle")}
      okText={t("evt.decline")}
      saving={decline.isPending}
      onClose={onClose}
      save={async ({ reason }) => {
        await decline.mutateAsync({ id: event.id, reason: reason ?? "" });
        return t("evt.declined");
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={`${t("evt.declineReason")}${t("evt.optional")}`}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function FeedbackModal({ event, onClose }: { event: EventSummary; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const feedback = useGiveFeedback();
  return (
    <FormModal
      form={form}
      title={t("evt.giveFeedback")}
      okText={t("evt.save")}
      saving={feedback.isPending}
      onClose={onClose}
      save={async (values) => {
        await feedback.mutateAsync({ id: event.id, input: { rating: values.rating, comment: values.comment ?? "" } });
        return t("evt.feedbackGiven");
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="rating"
          label={t("evt.rating")}
          rules={[{ required: true, message: t("evt.required", { field: t("evt.rating") }) }]}
        >
          <Rate aria-label={t("evt.rating")} />
        </Form.Item>
        <Form.Item name="comment" label={`${t("evt.feedbackComment")}${t("evt.optional")}`}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
