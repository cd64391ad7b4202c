import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Input,
  List,
  Popconfirm,
  Progress,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColourTag } from '../loop/ColourTag.tsx';
import type { TaskDetail } from '../loop/types.ts';
import { ReportForm } from './ReportForm.tsx';
import { SupervisePanel } from './SupervisePanel.tsx';
import { reportsQuery, taskQuery, useReviewReport, useTaskAction } from './task-queries.ts';

const COMMANDS = [
  'issue',
  'acknowledge',
  'start',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'cancel',
] as const;
type Command = (typeof COMMANDS)[number];
const NEEDS_REASON: ReadonlySet<Command> = new Set(['request_extension', 'reject_extension', 'cancel']);
const NEEDS_DATE: ReadonlySet<Command> = new Set(['request_extension', 'approve_extension']);

function Actions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const act = useTaskAction(task.id);
  const [reason, setReason] = useState('');
  const [newDeadline, setNewDeadline] = useState(task.requestedDeadline ?? '');
  const commands = COMMANDS.filter((command) => task.availableActions.includes(command));
  if (commands.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      {act.error && (
        <Typography.Text type="danger" role="alert">
          {act.error.message}
        </Typography.Text>
      )}
      {commands.some((c) => NEEDS_REASON.has(c) || NEEDS_DATE.has(c)) && (
        <Space>
          <Input placeholder={t('loop.task.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Input
            placeholder={t('loop.task.newDeadline')}
            value={newDeadline}
            onChange={(e) => setNewDeadline(e.target.value)}
            style={{ width: 140 }}
          />
        </Space>
      )}
      <Space wrap>
        {commands.map((action) => (
          <Button
            key={action}
            type={action === 'acknowledge' || action === 'issue' ? 'primary' : 'default'}
            loading={act.isPending && act.variables?.action === action}
            onClick={() =>
              act.mutate({
                action,
                version: task.version,
                ...(NEEDS_REASON.has(action) && reason ? { reason } : {}),
                ...(NEEDS_DATE.has(action) && newDeadline ? { newDeadline } : {}),
              })
            }
          >
            {t(`loop.actions.${action}`)}
          </Button>
        ))}
      </Space>
    </Flex>
  );
}

function Reports({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { data } = useQuery(reportsQuery(task.id));
  const review = useReviewReport(task.id);
  const [reason, setReason] = useState('');
  const reviewing = task.myRoles.includes('supervisor');
  return (
    <List
      header={
        review.error ? (
          <Typography.Text type="danger" role="alert">
            {review.error.message}
          </Typography.Text>
        ) : undefined
      }
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('loop.report.none') }}
      renderItem={(report) => (
        <List.Item
          actions={
            reviewing && report.status === 'submitted'
              ? [
                  <Button
                    key="accept"
                    type="link"
                    onClick={() => review.mutate({ reportId: report.id, decision: 'accept' })}
                  >
                    {t('loop.report.accept')}
                  </Button>,
                  <Popconfirm
                    key="return"
                    title={
                      <Input
                        placeholder={t('loop.report.returnReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    }
                    onConfirm={() => review.mutate({ reportId: report.id, decision: 'return', reason })}
                  >
                    <Button type="link" danger>
                      {t('loop.report.return')}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space>
                <Tag>{t(`loop.report.${report.kind}`)}</Tag>
                {report.percent}%
                <Tag color={report.status === 'returned' ? 'red' : report.status === 'accepted' ? 'green' : 'blue'}>
                  {t(`loop.report.status.${report.status}`)}
                </Tag>
              </Space>
            }
            description={
              <>
                <div>{report.narrative}</div>
                {report.reviewReason && <Typography.Text type="danger">{report.reviewReason}</Typography.Text>}
                {report.files.map((file) => (
                  <div key={file.sha256}>
                    <a href={`/api/files/${file.sha256}`}>{file.name}</a>
                  </div>
                ))}
                <Typography.Text type="secondary">
                  {report.unit.name} · {report.submittedAt.slice(0, 10)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

export function TaskDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: task } = useQuery({ ...taskQuery(id ?? ''), enabled: id !== null });
  const reporting =
    task && (task.availableActions.includes('report_progress') || task.availableActions.includes('report_completion'));
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={task?.title}>
      {task && (
        <Flex vertical gap={16}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('loop.task.status')}>{t(`loop.status.${task.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.colour')}>
              <ColourTag colour={task.colour} />
            </Descriptions.Item>
            <Descriptions.Item label={t('loop.task.lead')}>{task.leadUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.cooperating')}>
              {task.cooperatingUnits.map((u) => u.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('loop.task.supervising')}>{task.supervisingUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.leader')}>{task.responsibleLeader}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.deadline')}>{task.deadline}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.decision')}>{task.decision?.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('loop.task.pace')} span={2}>
              <Progress
                percent={task.reportedPercent}
                success={{ percent: Math.min(task.reportedPercent, task.plannedPercent) }}
                format={() => `${task.reportedPercent}% / ${task.plannedPercent}%`}
              />
            </Descriptions.Item>
          </Descriptions>
          <Actions task={task} />
          {reporting && (
            <>
              <Divider titlePlacement="start">{t('loop.report.new')}</Divider>
              <ReportForm taskId={task.id} canComplete={task.availableActions.includes('report_completion')} />
            </>
          )}
          <Divider titlePlacement="start">{t('loop.report.title')}</Divider>
          <Reports task={task} />
          {task.myRoles.includes('supervisor') && (
            <>
              <Divider titlePlacement="start">{t('loop.supervise.title')}</Divider>
              <SupervisePanel task={task} />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
