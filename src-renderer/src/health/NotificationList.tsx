// The notifications main sent during this session, in the page: the desktop shows them too (Electron),
// the browser harness only here. Clicking one opens its profile.
import { useAppStore } from '../store';
import { formatTime, localZone } from '../common/time';

export function NotificationList() {
  const notifications = useAppStore((s) => s.notifications);
  const dismiss = useAppStore((s) => s.dismissNotification);
  const select = useAppStore((s) => s.selectProfile);
  if (notifications.length === 0) return null;
  return (
    <section className="notification-list" aria-label="Notifications" data-testid="notifications">
      <ul>
        {notifications.map((n) => (
          <li key={n.id} className="notification-item" data-kinds={n.kinds.join(' ')}>
            <button type="button" className="link-button notification-open" onClick={() => select(n.profileId)} title="Open this profile">
              <strong>{n.title}</strong>
              <span className="muted"> · {formatTime(new Date(n.at), localZone)}</span>
              <span className="notification-body">{n.body}</span>
            </button>
            <button type="button" className="icon-button" aria-label={`Dismiss notification: ${n.title}`} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
