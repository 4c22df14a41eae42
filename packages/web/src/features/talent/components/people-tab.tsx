import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { FormModal } from "../../../shared/components/form-modal";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import {
  EDUCATION_LEVELS,
  type Place,
  type TalentPerson,
  type TalentPersonInput,
  useImportTalentPeople,
  usePersonPosts,
  useRemoveTalentPerson,
  useRevealTalentPerson,
  useSaveTalentPerson,
  useTalentPeople,
} from "../api/talent-api";
import { RecommendModal } from "./recommend-modal";
import { MatchReasons, talentLabel, usePlaceName, useYuan } from "./talent-labels";

/** A person being corrected, with the name and number read in full (that read is audited), or a new one. */
type Editing = { person: TalentPerson; name: string; phone: string } | "new" | null;

export function PeopleTab() {
  const t = useT();
  const people = useTalentPeople();
  const placeName = usePlaceName();
  const yuan = useYuan();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TalentPerson | null>(null);
  const [matching, setMatching] = useState<TalentPerson | null>(null);
  const [importing, setImporting] = useState(false);
  const reveal = useRevealTalentPerson();
  const errorText = useErrorText();
  const { modal, message } = App.useApp();
  const data = people.data;
  const canKeep = data?.canKeep === true;

  const startEdit = async (person: TalentPerson) => {
    try {
      const full = await reveal.mutateAsync(person.id);
      setEditing({ person, name: full.name, phone: full.phone });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const showInFull = async (person: TalentPerson) => {
    try {
      const full = await reveal.mutateAsync(person.id);
      modal.info({
        title: t("tal.revealTitle"),
        okText: t("tal.close"),
        content: (
          <Space orientation="vertical">
            <Typography.Text strong>
              {full.name} · {full.phone}
            </Typography.Text>
            <Typography.Text type="secondary">{t("tal.revealNote")}</Typography.Text>
          </Space>
        ),
      });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        {data?.canAdd ? (
          <>
            <Button type="primary" onClick={() => setEditing("new")}>
              {t("tal.add")}
            </Button>
            <Button onClick={() => setImporting(true)}>{t("tal.import")}</Button>
          </>
        ) : null}
        <ExportButton path="/api/talent/people/export" fileName="返乡人才台账.xlsx" label={t("tal.export")} />
        {canKeep ? (
          <ExportButton
            path="/api/talent/people/export"
            params={{ unmasked: "1" }}
            fileName="返乡人才台账（完整）.xlsx"
            label={t("tal.exportFull")}
          />
        ) : null}
      </Space>
      <QueryBoundary isPending={people.isPending} error={people.error}>
        {() => (
          <Table<TalentPerson>
            rowKey="id"
            size="small"
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={data?.people ?? []}
            locale={{ emptyText: t("tal.noPeople") }}
            columns={[
              {
                title: t("tal.name"),
                dataIndex: "name",
                render: (name: string, person) => (
                  <>
                    {name} {person.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                  </>
                ),
              },
              { title: t("tal.phone"), dataIndex: "phone" },
              { title: t("tal.originTown"), render: (_, person) => placeName(person.originTown) },
              { title: t("tal.education"), render: (_, person) => t(talentLabel("tal.education", person.education)) },
              {
                title: t("tal.skills"),
                render: (_, person) => (
                  <Space size={[2, 2]} wrap>
                    {person.skills.map((skill) => (
                      <Tag key={skill}>{skill}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t("tal.wishedWork"),
                render: (_, person) =>
                  [
                    person.wishedWork,
                    person.wishedPlace ? placeName(person.wishedPlace) : "",
                    person.wishedPay === null ? "" : t("tal.payWish", { pay: yuan(person.wishedPay) }),
                  ]
                    .filter((part) => part !== "")
                    .join(" · "),
              },
              {
                title: t("tal.status"),
                render: (_, person) =>
                  person.placed ? (
                    <Tag color="green">{t("tal.placed")}</Tag>
                  ) : person.consentOn === null ? (
                    <Tag color="red">{t("tal.noConsent")}</Tag>
                  ) : (
                    <Tag>{t("tal.seeking")}</Tag>
                  ),
              },
              { title: t("tal.recordedBy"), render: (_, person) => placeName(person.recordedBy) },
              {
                title: t("tal.actions"),
                render: (_, person) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setMatching(person)}>
                      {t("tal.matchPosts")}
                    </Button>
                    {canKeep ? (
                      <>
                        <Button size="small" onClick={() => void showInFull(person)} loading={reveal.isPending}>
                          {t("tal.reveal")}
                        </Button>
                        <Button size="small" onClick={() => void startEdit(person)}>
                          {t("tal.edit")}
                        </Button>
                        <Button size="small" danger onClick={() => setRemoving(person)}>
                          {t("tal.remove")}
                        </Button>
                      </>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      {editing !== null && data ? (
        <PersonModal
          editing={editing === "new" ? null : editing}
          towns={data.towns}
          places={data.places}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing ? <RemoveModal person={removing} onClose={() => setRemoving(null)} /> : null}
      {matching ? <PersonPostsDrawer person={matching} canKeep={canKeep} onClose={() => setMatching(null)} /> : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </Space>
  );
}

function PersonModal({
  editing,
  towns,
  places,
  onClose,
}: {
  editing: Exclude<Editing, "new" | null> | null;
  towns: Place[];
  places: Place[];
  onClose: () => void;
}) {
  const t = useT();
  const placeName = usePlaceName();
  const person = editing?.person ?? null;
  const [form] = Form.useForm<TalentPersonInput>();
  const save = useSaveTalentPerson();
  const required = (field: string) => [{ required: true, whitespace: true, message: t("tal.required", { field }) }];
  return (
    <FormModal
      destroyOnHidden
      form={form}
      title={person ? t("tal.editPerson") : t("tal.add")}
      okText={t("tal.save")}
      saving={save.isPending}
      width={640}
      onClose={onClose}
      save={async (values) => {
        await save.mutateAsync({
          id: person?.id ?? null,
          input: {
            ...values,
            wishedPlace: values.wishedPlace ?? null,
            wishedPay: values.wishedPay ?? null,
            consentOn: values.consentOn || null,
          },
        });
        return t("tal.saved");
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          person
            ? {
                name: editing?.name,
                phone: editing?.phone,
                originTown: person.originTown.id,
                education: person.education,
                skills: person.skills,
                experience: person.experience,
                wishedWork: person.wishedWork,
                wishedPlace: person.wishedPlace?.id ?? null,
                wishedPay: person.wishedPay,
                consentOn: person.consentOn ?? "",
              }
            : { originTown: towns.length === 1 ? towns[0]?.id : undefined, skills: [] }
        }
      >
        <Space wrap>
          <Form.Item name="name" label={t("tal.name")} rules={required(t("tal.name"))}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t("tal.phone")}
            rules={[
              ...required(t("tal.phone")),
              { pattern: /^(\+?86)?[\s-]*1[3-9](\d[\s-]*){9}$/, message: t("tal.badPhone") },
            ]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="originTown" label={t("tal.originTown")} rules={required(t("tal.originTown"))}>
            <Select
              aria-label={t("tal.originTown")}
              style={{ minWidth: 180 }}
              options={towns.map((town) => ({ value: town.id, label: placeName(town) }))}
            />
          </Form.Item>
          <Form.Item name="education" label={t("tal.education")} rules={required(t("tal.education"))}>
            <Select
              aria-label={t("tal.education")}
              style={{ minWidth: 160 }}
              options={EDUCATION_LEVELS.map((level) => ({
                value: level,
                label: t(talentLabel("tal.education", level)),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="skills"
          label={t("tal.skills")}
          extra={t("tal.skillsHint")}
          rules={[{ required: true, type: "array", min: 1, message: t("tal.required", { field: t("tal.skills") }) }]}
        >
          <Select mode="tags" aria-label={t("tal.skills")} tokenSeparators={["、", ",", "，"]} open={false} />
        </Form.Item>
        <Form.Item name="experience" label={`${t("tal.experience")}${t("tal.optional")}`}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="wishedWork" label={`${t("tal.wishedWork")}${t("tal.optional")}`}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="wishedPlace" label={`${t("tal.wishedPlace")}${t("tal.optional")}`}>
            <Select
              aria-label={t("tal.wishedPlace")}
              allowClear
              style={{ minWidth: 160 }}
              options={places.map((place) => ({ value: place.id, label: placeName(place) }))}
            />
          </Form.Item>
          <Form.Item name="wishedPay" label={`${t("tal.wishedPay")}${t("tal.optional")}`}>
            <InputNumber min={0} max={1_000_000} precision={0} step={500} />
          </Form.Item>
        </Space>
        <Form.Item name="consentOn" label={t("tal.consentOn")} extra={t("tal.consentHint")}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RemoveModal({ person, onClose }: { person: TalentPerson; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveTalentPerson();
  return (
    <FormModal
      destroyOnHidden
      form={form}
      title={t("tal.removeTitle", { name: person.name })}
      okText={t("tal.remove")}
      saving={remove.isPending}
      onClose={onClose}
      save={async (values) => {
        await remove.mutateAsync({ id: person.id, input: values });
        return t("tal.removed");
      }}
    >
      <Alert type="warning" showIcon title={t("tal.removeHint")} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t("tal.removeReason")}
          rules={[{ required: true, whitespace: true, message: t("tal.required", { field: t("tal.removeReason") }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function PersonPostsDrawer({
  person,
  canKeep,
  onClose,
}: {
  person: TalentPerson;
  canKeep: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const placeName = usePlaceName();
  const yuan = useYuan();
  const posts = usePersonPosts(person.id);
  const [recommending, setRecommending] = useState<{ postId: number; title: string } | null>(null);
  const mayRecommend = canKeep && person.consentOn !== null && !person.placed;
  return (
    <Drawer open onClose={onClose} title={t("tal.postsTitle", { name: person.name })} size="large">
      <QueryBoundary isPending={posts.isPending} error={posts.error}>
        {() => (
          <Table
            rowKey={(entry) => entry.post.id}
            size="small"
            scroll={{ x: 640 }}
            pagination={false}
            dataSource={posts.data?.posts ?? []}
            locale={{ emptyText: t("tal.noMatches") }}
            columns={[
              {
                title: t("tal.post"),
                render: (_, entry) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{entry.post.title}</Typography.Text>
                    <Typography.Text type="secondary">
                      {entry.post.enterprise.name} · {placeName(entry.post.place)} ·{" "}
                      {t("tal.payRange", { min: yuan(entry.post.payMin), max: yuan(entry.post.payMax) })}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t("tal.score"), render: (_, entry) => <Typography.Text strong>{entry.score}</Typography.Text> },
              {
                title: t("tal.why"),
                render: (_, entry) => <MatchReasons reasons={entry.reasons} payBelowWish={entry.payBelowWish} />,
              },
              {
                title: t("tal.actions"),
                render: (_, entry) =>
                  entry.recommendation ? (
                    <Tag>{t(talentLabel("tal.outcome", entry.recommendation))}</Tag>
                  ) : mayRecommend ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setRecommending({ postId: entry.post.id, title: entry.post.title })}
                    >
                      {t("tal.recommend")}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryBoundary>
      {recommending ? (
        <RecommendModal
          personId={person.id}
          personName={person.name}
          postId={recommending.postId}
          postTitle={recommending.title}
          onClose={() => setRecommending(null)}
        />
      ) : null}
    </Drawer>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const upload = useImportTalentPeople();
  const [refusal, setRefusal] = useState<string | null>(null);
  const send = (file: File) => {
    setRefusal(null);
    upload.mutate(file, { onError: (error) => setRefusal(errorText(error)) });
    return false;
  };
  return (
    <Modal open title={t("tal.importTitle")} onCancel={onClose} footer={null} width={640}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("tal.importHint")}</Typography.Text>
        <Button icon={<DownloadOutlined />} href="/api/talent/people/template" size="small">
          {t("tal.template")}
        </Button>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={send}
          disabled={upload.isPending}
          aria-label={t("tal.choose")}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("tal.choose")}</p>
        </Upload.Dragger>
        {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
        {upload.isSuccess ? (
          <Alert type="success" showIcon title={t("tal.imported", { people: upload.data.people })} />
        ) : null}
      </Space>
    </Modal>
  );
}
