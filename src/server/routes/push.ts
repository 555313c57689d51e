import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { PushService } from '../services/push';
import type { ReminderService } from '../services/reminders';
import { defineRoute } from './define';

export function pushRoutes(app: FastifyInstance, push: PushService, reminders: ReminderService): void {
  defineRoute(app, ROUTES.pushKey, async () => push.publicKey());
  defineRoute(app, ROUTES.putPushSubscription, async ({ personId, params, body }) => push.putSubscription(personId, params.id, body));
  defineRoute(app, ROUTES.changePushSubscription, async ({ personId, body }) => push.changeSubscription(personId, body));
  defineRoute(app, ROUTES.deletePushSubscription, async ({ personId, params }) => push.removeSubscription(personId, params.id));
  defineRoute(app, ROUTES.listPushSubscriptions, async ({ personId }) => push.devices(personId));
  defineRoute(app, ROUTES.pushTest, async ({ personId }) => reminders.test(personId));
  defineRoute(app, ROUTES.getReminderSettings, async ({ personId }) => reminders.settings(personId));
  defineRoute(app, ROUTES.putReminderSettings, async ({ personId, body }) => reminders.putSettings(personId, body));
  defineRoute(app, ROUTES.putSitting, async ({ personId, params, body }) => reminders.startSitting(personId, params.id, body));
  defineRoute(app, ROUTES.snoozeSitting, async ({ personId, params }) => reminders.snooze(personId, params.id));
  defineRoute(app, ROUTES.deleteSitting, async ({ personId, params }) => reminders.endSitting(personId, params.id));
  defineRoute(app, ROUTES.remindersCalendar, async ({ personId, params, reply }) => {
    reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="unclench-reminders.ics"');
    return reminders.calendar(personId, params.id);
  });
}
