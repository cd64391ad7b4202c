import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { toDay } from '../common/dates.ts';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { FormModal } from '../forms/FormModal.tsx';
import { EvidenceUpload } from '../loop/EvidenceUpload.tsx';
import type { Notice } from '../loop/types.ts';
import type { FileRef } from '../loop/upload.ts';
import { tasksQuery, useRefreshLoop } from '../tasks/task-queries.ts';

/** A notice's text: an automatic one carries the step of the escalation ladder it came from, by its code. */
export function noticeText(t: TFunction, notice: Pick<Notice, 'origin' | 'body' | 'escalatedTo'>): string {
  const body =
    notice.origin === 'automatic' && NOTICE_STEPS.has(notice.body)
      ? t(`loop.notice.${notice.body as 'supervision_letter'}`)
      : notice.body;
  return notice.escalatedTo ? `${body} → ${notice.escalatedTo}` : body;
}
const NOTICE_STEPS: ReadonlySet<string> = new Set(['supervision_notice', 'supervision_letter', 'formal_interview']);

/** Finds a task by part of its title, among those the user may see. */
function TaskPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useQuery({
    ...tasksQuery({ pageSize: 20, ...(q ? { q } : {}) }),
    placeholderData: undefined,
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t('loop.supervise.pickTask')}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={(data?.items ?? []).map((task) => ({
        value: task.id,
        label: `${task.title} · ${task.leadUnit.name} · ${task.deadline}`,
      }))}
    />
  );
}

type NoticeValues = {
  taskId: string;
  kind: 'supervision_notice' | 'escalation';
  body: string;
  escalatedTo?: string;
};

/** A supervision notice (督办单) issued by hand, or an escalation to the next leader up. */
export function NoticeModal({
  open,
  taskId,
  kind = 'supervision_notice',
  onClose,
}: {
  open: boolean;
  /** The task, when issued from it; otherwise the form asks for one. */
  taskId?: string;
  kind?: NoticeValues['kind'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshLoop();
  return (
    <FormModal<NoticeValues>
      open={open}
      title={t(kind === 'escalation' ? 'loop.supervise.escalate' : 'loop.supervise.issueNotice')}
      initialValues={{ kind, ...(taskId ? { taskId } : {}) }}
      submit={(values) =>
        dataOf(api.POST('/api/supervision/notices', { body: { ...values, ...(taskId ? { taskId } : {}) } }))
      }
      onSaved={refresh}
      onClose={onClose}
    >
      {({ form }) => (
        <>
          {!taskId && (
            <Form.Item name="taskId" label={t('loop.task.title')} rules={[{ required: true }]}>
              <TaskPicker />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('loop.supervision.kind')}>
            <Radio.Group>
              <Radio value="supervision_notice">{t('loop.notice.supervision_notice')}</Radio>
              <Radio value="escalation">{t('loop.notice.escalation')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="body" label={t('loop.supervise.noticeBody')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {() =>
              form.getFieldValue('kind') === 'escalation' && (
                <Form.Item name="escalatedTo" label={t('loop.supervise.escalatedTo')} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

type InspectionValues = {
  taskId: string;
  inspectedOn: Dayjs;
  findings: string;
  verdict: 'confirmed' | 'not_as_reported';
  photos: FileRef[];
};

/** An on-site inspection: findings, photos, and whether the work is as reported. */
export function InspectionModal({ open, taskId, onClose }: { open: boolean; taskId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshLoop();
  return (
    <FormModal<InspectionValues>
      open={open}
      title={t('loop.supervise.inspect')}
      initialValues={{ inspectedOn: dayjs(), verdict: 'confirmed', photos: [], ...(taskId ? { taskId } : {}) }}
      submit={({ taskId: chosen, inspectedOn, ...values }) =>
        dataOf(
          api.POST('/api/tasks/{id}/inspections', {
            params: { path: { id: taskId ?? chosen } },
            body: { ...values, inspectedOn: toDay(inspectedOn) },
          }),
        )
      }
      onSaved={refresh}
      onClose={onClose}
    >
      {({ reportError }) => (
        <>
          {!taskId && (
            <Form.Item name="taskId" label={t('loop.task.title')} rules={[{ required: true }]}>
              <TaskPicker />
            </Form.Item>
          )}
          <Form.Item name="inspectedOn" label={t('loop.supervise.inspectedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="findings" label={t('loop.supervise.findings')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="verdict" label={t('loop.supervise.verdict')}>
            <Radio.Group>
              <Radio value="confirmed">{t('loop.supervise.confirmed')}</Radio>
              <Radio value="not_as_reported">{t('loop.supervise.notAsReported')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="photos" label={t('loop.supervise.photos')}>
            <EvidenceUpload accept="image/*" onError={reportError} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
