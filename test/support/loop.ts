import type { ApiClient, ApiResponse } from './app.ts';

/** Units of the Xinzhou template the work-loop tests play with. */
export const CITY = '1409';
export const KELAN = '140929'; // lead county
export const XINFU = '140902'; // co-operating district
export const YUANPING = '140981'; // a county with no part in the task

/** Sends one file as multipart, the way the web app uploads evidence. */
export async function uploadFile(
  client: ApiClient,
  file: { name: string; type: string; content: Uint8Array<ArrayBuffer> | string },
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([file.content], { type: file.type }), file.name);
  const response = await fetch(`${client.baseUrl}/api/files`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'accept-language': client.language },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

let keyCounter = 0;
export function idempotencyKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${keyCounter}`;
}

export function taskBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '推进岢岚县易地扶贫搬迁后续扶持',
    issuerUnit: CITY,
    leadUnit: KELAN,
    cooperatingUnits: [XINFU],
    supervisingUnit: CITY,
    responsibleLeader: '王副市长',
    startOn: '2024-06-01',
    deadline: '2024-08-31',
    milestones: [
      { title: '摸底', dueOn: '2024-06-15', weight: 1 },
      { title: '完成', dueOn: '2024-08-31', weight: 3 },
    ],
    ...overrides,
  };
}
