import type {
  JobPost,
  JobPostInput,
  JobPosts,
  PersonPosts,
  PostCandidates,
  Recommendation,
  RecommendationInput,
  RecommendationOutcomeInput,
  Recommendations,
  RevealedPerson,
  TalentImported,
  TalentImportForm,
  TalentPeople,
  TalentPerson,
  TalentPersonInput,
  TalentRemoval,
  TalentSummary,
} from "@beizeng/contract/talent";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../shared/api/client";
import { uploadForm } from "../../../shared/api/uploads";

export type {
  JobPost,
  JobPostInput,
  MatchReason,
  Place,
  Recommendation,
  RecommendationOutcomeInput,
  TalentPerson,
  TalentPersonInput,
} from "@beizeng/contract/talent";
// The lists from the domain, where each is declared once (the contract's schemas stay out of the bundle).
export { EDUCATION_LEVELS, RECOMMENDATION_OUTCOMES } from "@beizeng/domain/talent/vocabulary";

export function useTalentPeople(enabled = true) {
  return useQuery({
    queryKey: ["talent", "people"],
    queryFn: () => api.get<TalentPeople>("/api/talent/people"),
    enabled,
  });
}

export function useJobPosts() {
  return useQuery({ queryKey: ["talent", "posts"], queryFn: () => api.get<JobPosts>("/api/talent/posts") });
}

export function useRecommendations() {
  return useQuery({
    queryKey: ["talent", "recommendations"],
    queryFn: () => api.get<Recommendations>("/api/talent/recommendations"),
  });
}

export function useTalentSummary(enabled = true) {
  return useQuery({
    queryKey: ["talent", "summary"],
    queryFn: () => api.get<TalentSummary>("/api/talent/summary"),
    enabled,
  });
}

export function usePostCandidates(postId: number | null) {
  return useQuery({
    queryKey: ["talent", "candidates", postId],
    queryFn: () => api.get<PostCandidates>(`/api/talent/posts/${postId}/candidates`),
    enabled: postId !== null,
  });
}

export function usePersonPosts(personId: number | null) {
  return useQuery({
    queryKey: ["talent", "person-posts", personId],
    queryFn: () => api.get<PersonPosts>(`/api/talent/people/${personId}/posts`),
    enabled: personId !== null,
  });
}

/** Every change touches the ledger's lists and counts: they are all read again. */
function useTalentMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: ["talent"] }) });
}

export function useSaveTalentPerson() {
  return useTalentMutation(({ id, input }: { id: number | null; input: TalentPersonInput }) =>
    id === null
      ? api.post<TalentPerson>("/api/talent/people", input)
      : api.put<TalentPerson>(`/api/talent/people/${id}`, input),
  );
}

export function useRemoveTalentPerson() {
  return useTalentMutation(({ id, input }: { id: number; input: TalentRemoval }) =>
    api.post<void>(`/api/talent/people/${id}/removal`, input),
  );
}

export function useRevealTalentPerson() {
  return useMutation({
    mutationFn: (id: number) => api.post<RevealedPerson>(`/api/talent/people/${id}/reveal`),
  });
}

export function useImportTalentPeople() {
  return useTalentMutation((file: File) => {
    const form: TalentImportForm = { file };
    return api.upload<TalentImported>("/api/talent/people/import", uploadForm(form));
  });
}

export function useSaveJobPost() {
  return useTalentMutation(({ id, input }: { id: number | null; input: JobPostInput }) =>
    id === null ? api.post<JobPost>("/api/talent/posts", input) : api.put<JobPost>(`/api/talent/posts/${id}`, input),
  );
}

export function useRecommend() {
  return useTalentMutation((input: RecommendationInput) =>
    api.post<Recommendation>("/api/talent/recommendations", input),
  );
}

export function useRecordOutcome() {
  return useTalentMutation(({ id, input }: { id: number; input: RecommendationOutcomeInput }) =>
    api.put<Recommendation>(`/api/talent/recommendations/${id}/outcome`, input),
  );
}
