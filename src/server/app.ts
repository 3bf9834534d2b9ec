// buildApp(): plugins and modules, no listen — tests inject requests, server.ts listens.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerErrorHandling } from './errors';
import { registerAuth } from './plugins/auth';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { orgRoutes } from './modules/org/org.routes';
import { usersRoutes } from './modules/org/users.routes';
import { tokensRoutes } from './modules/tokens/tokens.routes';
import { customersRoutes } from './modules/customers/customers.routes';
import { customersPrivacyRoutes } from './modules/customers/customers-privacy.routes';
import { customersAdminRoutes } from './modules/customers/customers-admin.routes';
import { questionBankRoutes } from './modules/customers/question-bank.routes';
import { importsRoutes } from './modules/imports';
import { purchasesRoutes } from './modules/purchases/purchases.routes';
import { salonRoutes } from './modules/salon/salon.routes';
import { afterSalesRoutes } from './modules/after-sales/after-sales.routes';
import { messagingRoutes } from './modules/messaging/messaging.routes';
import { unsubscribeRoutes } from './modules/messaging/unsubscribe.routes';
import { segmentsRoutes } from './modules/segments/segments.routes';
import { tagsRoutes } from './modules/segments/tags.routes';
import { analyticsRoutes } from './modules/analytics/analytics.routes';
import { campaignRoutes } from './modules/loyalty/campaigns.routes';
import { loyaltyRoutes } from './modules/loyalty/loyalty.routes';
import { careTasksRoutes } from './modules/care/tasks.routes';
import { careTemplatesRoutes } from './modules/care/templates.routes';
import { metricsRoutes } from './modules/metrics/metrics.routes';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type BuildOptions = { database: Database; config: Config; logger?: boolean | object; webDist?: string };

export async function buildApp({
  database,
  config,
  logger,
  webDist = WEB_DIST,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      // Paths only: query strings can hold a searched phone number or name.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);
  await app.register(cookie);
  registerAuth(app, database.db, { sessionHours: config.sessionHours });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Keqing API',
        version: config.version,
        description: 'Clienteling and VIP-customer management. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'keqing_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from /api/tokens' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const db = database.db;
  await app.register(healthRoutes, { database, version: config.version });
  await app.register(authRoutes, { db, sessionHours: config.sessionHours, cookieSecure: config.cookieSecure });
  await app.register(orgRoutes, { db });
  await app.register(usersRoutes, { db });
  await app.register(tokensRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(customersRoutes, { db });
  await app.register(customersPrivacyRoutes, { db });
  await app.register(customersAdminRoutes, { db });
  await app.register(questionBankRoutes, { db });
  await app.register(importsRoutes, { db });
  await app.register(purchasesRoutes, { db });
  await app.register(salonRoutes, { db });
  await app.register(afterSalesRoutes, { db });
  await app.register(messagingRoutes, { db, messaging: config.messaging });
  await app.register(segmentsRoutes, { db });
  await app.register(tagsRoutes, { db });
  await app.register(analyticsRoutes, { db });
  await app.register(careTasksRoutes, { db });
  await app.register(careTemplatesRoutes, { db });
  await app.register(metricsRoutes, { database });
  // The customer's unsubscribe page: public, outside /api, rate-limited.
  await app.register(unsubscribeRoutes, { db });
  await app.register(loyaltyRoutes, { db });
  await app.register(campaignRoutes, { db });

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    // Client-side routes: every non-API GET that is not a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
