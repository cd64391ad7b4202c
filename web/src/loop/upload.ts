import { i18n } from '../i18n/i18n.ts';
import { ApiError } from '../api/api-error.ts';
import { csrfTokenForUpload } from '../api/client.ts';

export type FileRef = { sha256: string; name: string };

/** Uploads one evidence file as multipart (the typed client speaks JSON only) and answers its reference. */
export async function uploadEvidence(file: File): Promise<FileRef> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/files', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrfTokenForUpload() ?? '', 'Accept-Language': i18n.language },
  });
  if (!response.ok)
    throw await ApiError.fromResponse(response, i18n.t('errors.unexpected', { status: response.status }));
  const stored = (await response.json()) as { sha256: string; name: string };
  return { sha256: stored.sha256, name: stored.name };
}
