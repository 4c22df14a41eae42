import type {
  FeeComplaint,
  FeeComplaintInput,
  FeeComplaintList,
  FeeInspection,
  FeeInspectionInput,
  FeeInspectionList,
  FeeItem,
  FeeItemInput,
  FeeItemList,
  FeeListVersionList,
  FeeListVersionSummary,
  FeeReport,
  PublicFeeList,
  PublishFeeListReq,
} from "@beizeng/contract/fees";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";

export type {
  FeeComplaint,
  FeeComplaintInput,
  FeeInspection,
  FeeInspectionInput,
  FeeItem,
  FeeItemInput,
  FeeListVersionSummary,
  FeeReport,
  PublicFeeList,
  PublishedFee,
} from "@beizeng/contract/fees";
// The lists from the domain, where each is declared once (the contract's schemas stay out of the bundle).
export {
  FEE_ACCOUNTABILITY_KINDS,
  FEE_COMPLAINT_KINDS,
  FEE_INSPECTION_RESULTS,
  FEE_ITEM_STATUSES,
} from "@beizeng/domain/fees/vocabulary";

/** The published list: the latest, a version by number, or the one in force on a day. */
export function usePublicFees(query: { version?: number; date?: string }) {
  return useQuery({
    queryKey: ["fees", "public", query],
    queryFn: () => api.get<PublicFeeList>("/api/public/fees", query),
  });
}

export function useFeeItems(enabled = true) {
  return useQuery({ queryKey: ["fees", "items"], queryFn: () => api.get<FeeItemList>("/api/fees/items"), enabled });
}

export function useFeeVersions(enabled = true) {
  return useQuery({
    queryKey: ["fees", "versions"],
    queryFn: () => api.get<FeeListVersionList>("/api/fees/versions"),
    enabled,
  });
}

export function useSaveFeeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: FeeItemInput }) =>
      id === null ? api.post<FeeItem>("/api/fees/items", input) : api.put<FeeItem>(`/api/fees/items/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["fees"] }),
  });
}

export function usePublishFeeList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishFeeListReq) => api.post<FeeListVersionSummary>("/api/fees/versions", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["fees"] }),
  });
}

export function useFeeComplaints() {
  return useQuery({
    queryKey: ["fees", "complaints"],
    queryFn: () => api.get<FeeComplaintList>("/api/fees/complaints"),
  });
}

export function useFileFeeComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FeeComplaintInput) => api.post<FeeComplaint>("/api/fees/complaints", input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["fees"] });
      await client.invalidateQueries({ queryKey: ["requests"] });
    },
  });
}

export function useFeeInspections(enabled = true) {
  return useQuery({
    queryKey: ["fees", "inspections"],
    queryFn: () => api.get<FeeInspectionList>("/api/fees/inspections"),
    enabled,
  });
}

export function useSaveFeeInspection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: FeeInspectionInput }) =>
      id === null
        ? api.post<FeeInspection>("/api/fees/inspections", input)
        : api.put<FeeInspection>(`/api/fees/inspections/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["fees"] }),
  });
}

export function useFeeReport(enabled = true) {
  return useQuery({ queryKey: ["fees", "report"], queryFn: () => api.get<FeeReport>("/api/fees/report"), enabled });
}
