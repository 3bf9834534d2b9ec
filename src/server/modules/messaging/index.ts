// What other modules may use (the care engine, the task screens, the customer file).
export { enqueueMessage, type EnqueueMessage, type OutboxRow } from './outbox.service';
export { recordContact, recentContactCounts } from './contacts.service';
export { checkReachable, addressesOf } from './reachability';
export { messagingTimelineItems } from './timeline';
export { eraseMessagingData, messagingDataOf } from './erasure';
export { runOutboxOnce, type SenderOptions, type SenderSummary } from './outbox.sender';
export { outboxJob, senderOptionsFrom } from './outbox.job';
export { messagingRoutes } from './messaging.routes';
export { unsubscribeRoutes } from './unsubscribe.routes';
