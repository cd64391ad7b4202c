import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Flex, List, Popover, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, dataOf } from '../api/client.ts';

type InboxItem = { kind: string; taskId: string | null; unit: { code: string } };

/** Where a notification leads: its task, or the indicator alerts of its unit. */
function linkOf(item: InboxItem): string | null {
  if (item.taskId) return `/tasks?task=${item.taskId}`;
  if (item.kind.startsWith('indicator_')) return `/indicators?tab=alerts&unit=${item.unit.code}`;
  return null;
}

/**
 * The inbox in the header: unread count on the bell, the latest notifications (or only the unread ones) in a
 * popover. Opening one marks it read and goes to its task; the rest can be marked read at once.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Opening a notification leaves for its task: the popover closes, not to sit over the task it opened.
  const [open, setOpen] = useState(false);
  const inbox = useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () =>
      dataOf(
        api.GET('/api/notifications', {
          params: { query: { limit: 30, unreadOnly: unreadOnly ? 'true' : 'false' } },
        }),
      ),
    refetchInterval: 60_000,
  });
  const read = useMutation({
    mutationFn: (id?: string) => dataOf(api.POST('/api/notifications/read', { body: id ? { id } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          <Segmented
            size="small"
            value={unreadOnly}
            onChange={setUnreadOnly}
            options={[
              { value: false, label: t('loop.notifications.all') },
              { value: true, label: t('loop.notifications.unread', { count: inbox.data?.unread ?? 0 }) },
            ]}
          />
          <Button type="link" size="small" onClick={() => read.mutate(undefined)}>
            {t('loop.notifications.readAll')}
          </Button>
        </Flex>
      }
      content={
        <List
          style={{ width: 380, maxHeight: 420, overflow: 'auto' }}
          size="small"
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: t('loop.notifications.empty') }}
          renderItem={(item) => (
            <List.Item
              onClick={() => {
                if (!item.read) read.mutate(item.id);
                const target = linkOf(item);
                if (target) {
                  setOpen(false);
                  void navigate(target);
                }
              }}
              style={{ cursor: linkOf(item) ? 'pointer' : 'default' }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!item.read}>
                    {t(`loop.notifications.kinds.${item.kind}`, { defaultValue: item.kind })}
                  </Typography.Text>
                }
                description={`${item.title} · ${item.unit.name} · ${item.createdAt.slice(0, 10)}`}
              />
            </List.Item>
          )}
        />
      }
    >
      <Badge count={inbox.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('loop.notifications.title')} />
      </Badge>
    </Popover>
  );
}
