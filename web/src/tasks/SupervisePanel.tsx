import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import type { TaskDetail } from '../loop/types.ts';

/** What the supervising unit does beyond reviewing: notices by hand, escalation, on-site inspections. */
export function SupervisePanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [escalatedTo, setEscalatedTo] = useState('');
  const [findings, setFindings] = useState('');
  const [verdict, setVerdict] = useState<'confirmed' | 'not_as_reported'>('confirmed');
  const notices = useQuery({
    queryKey: ['supervision', 'notices', 'task', task.id],
    queryFn: () => dataOf(api.GET('/api/supervision/notices', { params: { query: { taskId: task.id, limit: 100 } } })),
  });
  const inspections = useQuery({
    queryKey: ['supervision', 'inspections', task.id],
    queryFn: () => dataOf(api.GET('/api/tasks/{id}/inspections', { params: { path: { id: task.id } } })),
  });
  const refresh = () =>
    Promise.all(['supervision', 'tasks', 'notifications'].map((key) => client.invalidateQueries({ queryKey: [key] })));
  const notice = useMutation({
    mutationFn: (kind: 'supervision_notice' | 'escalation') =>
      dataOf(
        api.POST('/api/supervision/notices', {
          body: { taskId: task.id, kind, body, ...(kind === 'escalation' ? { escalatedTo } : {}) },
        }),
      ),
    onSuccess: () => {
      setBody('');
      return refresh();
    },
  });
  const inspect = useMutation({
    mutationFn: () =>
      dataOf(
        api.POST('/api/tasks/{id}/inspections', {
          params: { path: { id: task.id } },
          body: { inspectedOn: new Date().toISOString().slice(0, 10), findings, verdict, photos: [] },
        }),
      ),
    onSuccess: () => {
      setFindings('');
      return refresh();
    },
  });
  const error = notice.error ?? inspect.error;
  return (
    <Flex vertical gap={8}>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Input.TextArea
        rows={2}
        placeholder={t('loop.supervise.noticeBody')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <Space wrap>
        <Button onClick={() => notice.mutate('supervision_notice')} disabled={body.trim().length < 2}>
          {t('loop.supervise.issueNotice')}
        </Button>
        <Input
          placeholder={t('loop.supervise.escalatedTo')}
          value={escalatedTo}
          onChange={(e) => setEscalatedTo(e.target.value)}
          style={{ width: 160 }}
        />
        <Button danger onClick={() => notice.mutate('escalation')} disabled={body.trim().length < 2 || !escalatedTo}>
          {t('loop.supervise.escalate')}
        </Button>
      </Space>
      <Input.TextArea
        rows={2}
        placeholder={t('loop.supervise.findings')}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
      />
      <Space>
        <Radio.Group value={verdict} onChange={(e) => setVerdict(e.target.value as typeof verdict)}>
          <Radio value="confirmed">{t('loop.supervise.confirmed')}</Radio>
          <Radio value="not_as_reported">{t('loop.supervise.notAsReported')}</Radio>
        </Radio.Group>
        <Button onClick={() => inspect.mutate()} disabled={findings.trim().length < 2}>
          {t('loop.supervise.inspect')}
        </Button>
      </Space>
      <List
        size="small"
        dataSource={[
          ...(notices.data?.items ?? []).map((n) => ({
            key: `n${n.id}`,
            day: n.issuedOn,
            tag: t(`loop.notice.${n.kind}`),
            text: n.escalatedTo ? `${n.body} → ${n.escalatedTo}` : n.body,
          })),
          ...(inspections.data?.items ?? []).map((i) => ({
            key: `i${i.id}`,
            day: i.inspectedOn,
            tag: i.verdict === 'confirmed' ? t('loop.supervise.confirmed') : t('loop.supervise.notAsReported'),
            text: i.findings,
          })),
        ].sort((a, b) => (a.day < b.day ? 1 : -1))}
        renderItem={(item) => (
          <List.Item>
            <Space>
              <Typography.Text type="secondary">{item.day}</Typography.Text>
              <Tag>{item.tag}</Tag>
              {item.text}
            </Space>
          </List.Item>
        )}
      />
    </Flex>
  );
}
