import type {
  OfficialCalendar,
  OfficialDayInput,
  OfficialDayView,
  OfficialYearImported,
  OfficialYearPaste,
} from "@beizeng/contract/calendar";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { uploadForm } from "../../../shared/api/uploads";

export type { OfficialCalendar, OfficialDayInput, OfficialDayView } from "@beizeng/contract/calendar";

/** The calendar's years and the days of one (this year when none is asked). */
export function useOfficialCalendar(year: number | undefined) {
  return useQuery({
    queryKey: ["calendar", year ?? "current"],
    queryFn: () => api.get<OfficialCalendar>("/api/calendar", year === undefined ? {} : { year }),
  });
}

export function useSaveOfficialDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: OfficialDayInput }) =>
      id === null
        ? api.post<OfficialDayView>("/api/calendar/days", input)
        : api.put<OfficialDayView>(`/api/calendar/days/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["calendar"] }),
  });
}

export function useDeleteOfficialDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ id: number; deleted: true }>(`/api/calendar/days/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["calendar"] }),
  });
}

/** A year replaced by a pasted list or by the filled template. */
export function useImportOfficialYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, source, text, file }: { year: number } & Partial<OfficialYearPaste> & { file?: File }) =>
      file
        ? api.upload<OfficialYearImported>(
            `/api/calendar/years/${year}/import`,
            uploadForm({ source: source ?? "", file }),
          )
        : api.put<OfficialYearImported>(`/api/calendar/years/${year}`, { source, text }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["calendar"] }),
  });
}
