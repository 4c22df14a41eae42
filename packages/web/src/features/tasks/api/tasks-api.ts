import type { NotificationList, NotificationRead } from "@beizeng/contract/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { readUploadFile, type UploadedFile } from "../../../shared/api/uploads";

export type TaskColor = "green" | "yellow" | "red";

export interface TaskHealth {
  color: TaskColor;
  reasons: string[];
  duePeriods: number;
  reportedPeriods: number;
  onTimePeriods: number;
  overduePeriods: number;
  nextDeadline: string | null;
}

export interface Task {
  id: number;
  planTaskId: string | null;
  measureId: string;
  clauseId: string;
  clauseTitle: string | null;
  clauseText: string | null;
  title: string;
  ownerUnit: { id: number; name: string };
  sharingUnits: { id: number; name: string }[];
  cycle: "once" | "monthly" | "quarterly" | "yearly";
  startDate: string;
  endDate: string;
  dueDate: string | null;
  quantityUnit: string | null;
  quantityTarget: string | null;
  note: string;
  health: TaskHealth;
}

export interface TaskList {
  items: Task[];
  total: number;
  counts: Record<TaskColor, number>;
  asOf: string;
}

export interface PeriodState {
  key: string;
  label: string;
  start: string;
  deadline: string;
  state: "upcoming" | "open" | "reported" | "reportedLate" | "returned" | "overdue";
  overdueDays: number;
}

export interface TaskReport {
  id: number;
  period: string;
  unit: { id: number; name: string };
  content: string;
  quantity: string | null;
  status: "submitted" | "returned";
  submittedAt: string;
  submittedBy: string | null;
  returnedReason: string | null;
  returnedAt: string | null;
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number; sha256: string }[];
}

export interface TaskDetail {
  task: Task;
  periods: PeriodState[];
  reports: TaskReport[];
  mayReport: boolean;
  mayReturn: boolean;
}

export interface TaskFilters {
  color?: TaskColor;
  measure?: string;
  unit?: number;
}

export type EvidenceFile = UploadedFile;

export interface ReportInput {
  period: string;
  content: string;
  quantity?: string | null;
  attachments: EvidenceFile[];
}

export interface TaskPatch {
  title?: string;
  ownerUnitId?: number;
  sharingUnitIds?: number[];
  cycle?: Task["cycle"];
  dueDate?: string | null;
  quantityUnit?: string | null;
  quantityTarget?: string | null;
  note?: string;
}

export type { Notification } from "@beizeng/contract/notifications";

export interface WebhookSettings {
  url: string;
  format: "markdown" | "text";
  enabled: boolean;
  updatedAt?: string;
}

const tasksKey = ["tasks"] as const;

export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: [...tasksKey, "list", filters],
    queryFn: () => api.get<TaskList>("/api/tasks", { ...filters }),
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: [...tasksKey, "detail", id],
    queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`),
  });
}

function useInvalidateTasks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: tasksKey });
}

export function useSeedTasks() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: () => api.post<{ created: number; skipped: number }>("/api/tasks/seed"),
    onSuccess: invalidate,
  });
}

export function useRunReminders() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: () => api.post<{ created: number; webhook: { sent: boolean } }>("/api/tasks/reminders/run"),
    onSuccess: invalidate,
  });
}

export function useUpdateTask(id: number) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (patch: TaskPatch) => api.patch<{ id: number }>(`/api/tasks/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useSubmitReport(taskId: number) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (input: ReportInput) => api.post<{ id: number; late: boolean }>(`/api/tasks/${taskId}/reports`, input),
    onSuccess: invalidate,
  });
}

export function useReturnReport() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api.post<{ id: number }>(`/api/task-reports/${id}/return`, { reason }),
    onSuccess: invalidate,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: [...tasksKey, "notifications"],
    queryFn: () => api.get<NotificationList>("/api/notifications"),
  });
}

export function useReadNotification() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (id: number) => api.post<NotificationRead>(`/api/notifications/${id}/read`),
    onSuccess: invalidate,
  });
}

export function useWebhookSettings(enabled: boolean) {
  return useQuery({
    queryKey: ["webhook-settings"],
    queryFn: () => api.get<{ settings: WebhookSettings | null }>("/api/webhook-settings"),
    enabled,
  });
}

export function useSaveWebhookSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: WebhookSettings) => api.put("/api/webhook-settings", settings),
    onSuccess: () => client.invalidateQueries({ queryKey: ["webhook-settings"] }),
  });
}

/** Reads an evidence file for upload (the shared reader of every upload). */
export const readEvidence = readUploadFile;
