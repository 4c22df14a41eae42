import type { NotificationList, NotificationRead } from "@beizeng/contract/notifications";
import type {
  RemindersRun,
  ReportForm,
  ReportReturned,
  ReportSubmitted,
  ReturnInput,
  RobotDelivery,
  TaskDetail,
  TaskList,
  TaskPatch,
  TaskQuery,
  TasksSeeded,
  TaskUpdated,
  WebhookInput,
  WebhookSettingsView,
} from "@beizeng/contract/supervision";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { uploadForm } from "../../../shared/api/uploads";

/** The tasks' answers and requests are the contract's; the names the pages use. */
export type {
  PeriodState,
  ReportInput,
  TaskColor,
  TaskDetail,
  TaskHealth,
  TaskList,
  TaskPatch,
  TaskReport,
  TaskView as Task,
} from "@beizeng/contract/supervision";

/** The filters of the task list the page sets (the day defaults to today). */
export type TaskFilters = Omit<TaskQuery, "asOf">;

export type { Notification } from "@beizeng/contract/notifications";

export type { WebhookInput, WebhookSettings } from "@beizeng/contract/supervision";

// Values from the domain, where each list is declared once (the contract's schemas stay out of the bundle).
export { MEASUREMENT_UNITS, TASK_CYCLES } from "@beizeng/domain/plan/vocabulary";

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
    mutationFn: () => api.post<TasksSeeded>("/api/tasks/seed"),
    onSuccess: invalidate,
  });
}

export function useRunReminders() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: () => api.post<RemindersRun>("/api/tasks/reminders/run"),
    onSuccess: invalidate,
  });
}

export function useUpdateTask(id: number) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (patch: TaskPatch) => api.patch<TaskUpdated>(`/api/tasks/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useSubmitReport(taskId: number) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ period, content, quantity, attachments }: ReportForm) =>
      api.upload<ReportSubmitted>(
        `/api/tasks/${taskId}/reports`,
        uploadForm({ period, content, quantity: quantity ?? undefined, attachments }),
      ),
    onSuccess: invalidate,
  });
}

export function useReturnReport() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api.post<ReportReturned>(`/api/task-reports/${id}/return`, { reason } satisfies ReturnInput),
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
    queryFn: () => api.get<WebhookSettingsView>("/api/webhook-settings"),
    enabled,
  });
}

export function useSaveWebhookSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: WebhookInput) => api.put<WebhookSettingsView>("/api/webhook-settings", settings),
    onSuccess: () => client.invalidateQueries({ queryKey: ["webhook-settings"] }),
  });
}

/** Sends a test message to the robot as saved; answers what the robot said. */
export function useTestWebhook() {
  return useMutation({ mutationFn: () => api.post<RobotDelivery>("/api/webhook-settings/test") });
}
