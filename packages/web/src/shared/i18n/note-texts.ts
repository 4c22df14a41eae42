import { type NoteParams, noteTexts, renderNote } from "@beizeng/domain/notes/messages";
import { useCallback } from "react";
import { useLanguage } from "./i18n";

/** Notes as the API sends them: the Chinese texts and, one for one, their messages. */
export interface NotesJson {
  notes: string[];
  noteMessages?: { key: string; params: NoteParams }[];
}

/**
 * The notes of a target, a forecast or the district's data in the chosen language: rendered from their messages,
 * or as sent (Chinese) when the server gave none this version knows.
 */
export function useNoteTexts(): (source: NotesJson | null | undefined) => string[] {
  const { language } = useLanguage();
  return useCallback((source) => (source ? noteTexts(source.notes, source.noteMessages, language) : []), [language]);
}

/**
 * One text in the chosen language: rendered from its message, or as sent (Chinese) without a message this version
 * knows. For the titles, statuses and items of the records behind a figure, and an enterprise's outlook.
 */
export function useMessageText(): (
  text: string,
  message: { key: string; params: NoteParams } | null | undefined,
) => string {
  const { language } = useLanguage();
  return useCallback((text, message) => (message ? (renderNote(message, language) ?? text) : text), [language]);
}
