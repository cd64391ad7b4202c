import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
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

/** The inbox in the header: unread count on the bell, the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const inbox = useQuery({
    queryKey: ['notifications'],
    queryFn: () => dataOf(api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
    refetchInterval: 60_000,
  });
  const readAll = useMutation({
    mutationFn: () => dataOf(api.POST('/api/notifications/read', { body: {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Button type="link" size="small" onClick={() => readAll.mutate()}>
          {t('loop.notifications.readAll')}
        </Button>
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
                const target = linkOf(item);
                if (target) void navigate(target);
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
