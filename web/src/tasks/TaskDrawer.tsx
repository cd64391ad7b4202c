import { useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Progress,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toDay } from '../common/dates.ts';
import { FormModal } from '../forms/FormModal.tsx';
import { ColourTag } from '../loop/ColourTag.tsx';
import { FileLinks } from '../loop/EvidenceUpload.tsx';
import type { TaskDetail } from '../loop/types.ts';
import { ReportForm } from './ReportForm.tsx';
import { TaskFormModal } from './TaskForm.tsx';
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
/** What each command asks for before it is sent; the others go at one click. */
const ASKS: Partial<Record<Command, { reason: boolean; newDeadline: boolean }>> = {
  request_extension: { reason: true, newDeadline: true },
  approve_extension: { reason: false, newDeadline: true },
  reject_extension: { reason: true, newDeadline: false },
  cancel: { reason: true, newDeadline: false },
};

function CommandModal({ task, command, onClose }: { task: TaskDetail; command: Command | null; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useTaskAction(task.id);
  const asks = command ? ASKS[command] : undefined;
  return (
    <FormModal<{ reason?: string; newDeadline?: Dayjs }>
      open={command !== null}
      title={command ? t(`loop.actions.${command}`) : ''}
      initialValues={{ newDeadline: task.requestedDeadline ? dayjs(task.requestedDeadline) : undefined }}
      submit={(values) =>
        act.mutateAsync({
          action: command ?? 'cancel',
          version: task.version,
          ...(values.reason ? { reason: values.reason } : {}),
          ...(values.newDeadline ? { newDeadline: toDay(values.newDeadline) } : {}),
        })
      }
      onClose={onClose}
    >
      {asks?.newDeadline && (
        <Form.Item name="newDeadline" label={t('loop.task.newDeadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('loop.task.reason')} rules={[{ required: asks?.reason ?? false }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** Every move of the state machine this user may make now, as the server lists them. */
function Actions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const act = useTaskAction(task.id);
  const [asking, setAsking] = useState<Command | null>(null);
  const [amending, setAmending] = useState(false);
  const commands = COMMANDS.filter((command) => task.availableActions.includes(command));
  const amendable = task.availableActions.includes('amend');
  if (commands.length === 0 && !amendable) return null;
  return (
    <Flex vertical gap={8}>
      {act.error && (
        <Typography.Text type="danger" role="alert">
          {act.error.message}
        </Typography.Text>
      )}
      <Space wrap>
        {amendable && <Button onClick={() => setAmending(true)}>{t('loop.taskForm.amend')}</Button>}
        {commands.map((action) => (
          <Button
            key={action}
            type={action === 'acknowledge' || action === 'issue' ? 'primary' : 'default'}
            danger={action === 'cancel'}
            loading={act.isPending && act.variables?.action === action}
            onClick={() => (ASKS[action] ? setAsking(action) : act.mutate({ action, version: task.version }))}
          >
            {t(`loop.actions.${action}`)}
          </Button>
        ))}
      </Space>
      <CommandModal task={task} command={asking} onClose={() => setAsking(null)} />
      <TaskFormModal open={amending} task={task} onClose={() => setAmending(false)} />
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
                {report.figures.length > 0 && (
                  <div>
                    {report.figures.map((figure) => (
                      <Tag key={figure.label}>{`${figure.label}：${figure.value}${figure.unit}`}</Tag>
                    ))}
                  </div>
                )}
                {report.reviewReason && <Typography.Text type="danger">{report.reviewReason}</Typography.Text>}
                <FileLinks files={report.files} />
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

function TaskFacts({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('loop.task.status')}>
          {t(`loop.status.${task.status}`)}
          {task.requestedDeadline && ` → ${task.requestedDeadline}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.task.colour')}>
          <ColourTag colour={task.colour} />
          {task.colourReasons.map((reason) => (
            <Tag key={reason}>{t(`loop.colourReasons.${reason}`, { defaultValue: reason })}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.taskForm.issuer')}>{task.issuerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('loop.task.lead')}>{task.leadUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('loop.task.cooperating')}>
          {task.cooperatingUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.task.supervising')}>{task.supervisingUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('loop.task.leader')}>{task.responsibleLeader}</Descriptions.Item>
        <Descriptions.Item label={t('loop.taskForm.priority')}>
          {t(`loop.taskForm.priorities.${task.priority}`)} · {t(`loop.taskForm.cadences.${task.reportCadence}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.taskForm.span')}>
          {task.startOn} → {task.deadline}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.task.planNode')}>
          {task.planNode ? `${task.planNode.number} ${task.planNode.title}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('loop.task.decision')} span={2}>
          {task.decision ? (
            <Link to={`/plans?tab=decisions&decision=${task.decision.id}`}>{task.decision.title}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {task.description && (
          <Descriptions.Item label={t('loop.taskForm.description')} span={2}>
            {task.description}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('loop.task.pace')} span={2}>
          <Progress
            percent={task.reportedPercent}
            success={{ percent: Math.min(task.reportedPercent, task.plannedPercent) }}
            format={() => `${task.reportedPercent}% / ${task.plannedPercent}%`}
          />
        </Descriptions.Item>
      </Descriptions>
      {task.milestones.length > 0 && (
        <Steps
          size="small"
          progressDot
          current={task.milestones.filter((m) => m.dueOn <= toDay(dayjs())).length - 1}
          items={task.milestones.map((m) => ({
            title: m.title,
            content: `${m.dueOn} · ${t('loop.taskForm.weight')} ${m.weight}`,
          }))}
        />
      )}
    </>
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
          <TaskFacts task={task} />
          <Actions task={task} />
          {reporting && (
            <>
              <Divider titlePlacement="start">{t('loop.report.new')}</Divider>
              <ReportForm
                key={task.id}
                taskId={task.id}
                canComplete={task.availableActions.includes('report_completion')}
              />
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
