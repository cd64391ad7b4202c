import { useQuery } from '@tanstack/react-query';
import { Button, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { FileLinks } from '../loop/EvidenceUpload.tsx';
import type { TaskDetail } from '../loop/types.ts';
import type { FileRef } from '../loop/upload.ts';
import { InspectionModal, NoticeModal, noticeText } from '../supervision/supervision-forms.tsx';

type Entry = { key: string; day: string; tag: string; colour: string; text: string; files: FileRef[] };

/** What the supervising unit does beyond reviewing: notices by hand, escalation, on-site inspections. */
export function SupervisePanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'supervision_notice' | 'escalation' | 'inspection' | null>(null);
  const notices = useQuery({
    queryKey: ['supervision', 'notices', 'task', task.id],
    queryFn: () => dataOf(api.GET('/api/supervision/notices', { params: { query: { taskId: task.id, limit: 100 } } })),
  });
  const inspections = useQuery({
    queryKey: ['supervision', 'inspections', task.id],
    queryFn: () => dataOf(api.GET('/api/tasks/{id}/inspections', { params: { path: { id: task.id } } })),
  });
  const entries: Entry[] = [
    ...(notices.data?.items ?? []).map((n) => ({
      key: `n${n.id}`,
      day: n.issuedOn,
      tag: t(`loop.notice.${n.kind}`),
      colour: 'red',
      text: noticeText(t, n),
      files: [],
    })),
    ...(inspections.data?.items ?? []).map((i) => ({
      key: `i${i.id}`,
      day: i.inspectedOn,
      tag: i.verdict === 'confirmed' ? t('loop.supervise.confirmed') : t('loop.supervise.notAsReported'),
      colour: i.verdict === 'confirmed' ? 'green' : 'orange',
      text: i.findings,
      files: i.photos,
    })),
  ].sort((a, b) => b.day.localeCompare(a.day));
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        <Button onClick={() => setOpen('supervision_notice')}>{t('loop.supervise.issueNotice')}</Button>
        <Button danger onClick={() => setOpen('escalation')}>
          {t('loop.supervise.escalate')}
        </Button>
        <Button onClick={() => setOpen('inspection')}>{t('loop.supervise.inspect')}</Button>
      </Space>
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('loop.supervise.none') }}
        renderItem={(entry) => (
          <List.Item>
            <Flex vertical>
              <Space>
                <Typography.Text type="secondary">{entry.day}</Typography.Text>
                <Tag color={entry.colour}>{entry.tag}</Tag>
                {entry.text}
              </Space>
              <FileLinks files={entry.files} />
            </Flex>
          </List.Item>
        )}
      />
      <NoticeModal
        open={open === 'supervision_notice' || open === 'escalation'}
        taskId={task.id}
        kind={open === 'escalation' ? 'escalation' : 'supervision_notice'}
        onClose={() => setOpen(null)}
      />
      <InspectionModal open={open === 'inspection'} taskId={task.id} onClose={() => setOpen(null)} />
    </Flex>
  );
}
