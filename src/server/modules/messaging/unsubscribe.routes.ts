// The public unsubscribe page, outside /api: a customer never logs in. GET shows a confirmation in the
// language of the message (and changes nothing: link scanners prefetch); POST records the opt-out — from
// the page's button or from the mail client's RFC 8058 one-click request
// (`List-Unsubscribe=One-Click`). Rate-limited per address; says nothing about her but a greeting.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../contracts/common';
import { negotiateLocale } from '../../../i18n';
import { appText } from '../../../i18n/server';
import type { Db } from '../../db/client';
import { greetingFor, recordOptOut, resolveUnsubscribeLink } from './unsubscribe.service';

export const UNSUBSCRIBE_LIMIT = { windowMs: 10 * 60_000, perAddress: 30 };

/** A fixed-window counter per client address, in this process (each instance limits on its own). */
export function createRateLimiter(limit = UNSUBSCRIBE_LIMIT) {
  const hits = new Map<string, { start: number; n: number }>();
  return (address: string, now = Date.now()): { ok: boolean; retryAfterSeconds: number } => {
    if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.start > limit.windowMs) hits.delete(k);
    const h = hits.get(address);
    if (!h || now - h.start > limit.windowMs) {
      hits.set(address, { start: now, n: 1 });
      return { ok: true, retryAfterSeconds: 0 };
    }
    h.n++;
    return { ok: h.n <= limit.perAddress, retryAfterSeconds: Math.ceil((h.start + limit.windowMs - now) / 1000) };
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function page(locale: Locale, title: string, paragraphs: string[], form?: { action: string; button: string }): string {
  const t = (k: string) => escapeHtml(appText(locale, k));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f6f4f1;color:#2b2b2b;line-height:1.6}
main{max-width:32rem;margin:12vh auto;padding:2rem 1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 1rem}p{margin:0 0 1rem}
button{font:inherit;font-size:1rem;padding:.75rem 1.5rem;border:0;border-radius:8px;background:#8a3b4a;color:#fff;cursor:pointer;width:100%}
button:focus-visible{outline:3px solid #e0b3bc;outline-offset:2px}.small{font-size:.85rem;color:#666;margin-top:1.25rem}
</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${form ? `<form method="post" action="${escapeHtml(form.action)}"><button type="submit" name="confirm" value="1">${escapeHtml(form.button)}</button></form>` : ''}
<p class="small">${t('messaging.unsubscribe.footer')}</p>
</main></body></html>`;
}

function send(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    })
    .send(html);
}

const whatOf = (channel: string, purpose: string) =>
  `messaging.unsubscribe.what.${['email', 'sms'].includes(channel) ? channel : 'other'}_${purpose}`;

export async function unsubscribeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const limiter = createRateLimiter();
  // RFC 8058 clients post a form; this page's own button too. The body is not needed: the signed
  // token in the address says everything, so any small form body is accepted and ignored.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'])
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body));

  const guard = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const verdict = limiter(req.ip);
    if (verdict.ok) return true;
    const locale = negotiateLocale(req.headers['accept-language']);
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    void send(
      reply,
      429,
      page(locale, appText(locale, 'messaging.unsubscribe.busyTitle'), [appText(locale, 'messaging.unsubscribe.busy')]),
    );
    return false;
  };

  const invalid = (req: FastifyRequest, reply: FastifyReply) => {
    const locale = negotiateLocale(req.headers['accept-language']);
    return send(
      reply,
      404,
      page(locale, appText(locale, 'messaging.unsubscribe.invalidTitle'), [
        appText(locale, 'messaging.unsubscribe.invalid'),
      ]),
    );
  };

  app.get<{ Params: { token: string } }>('/unsubscribe/:token', { schema: { hide: true } }, async (req, reply) => {
    if (!guard(req, reply)) return reply;
    const link = await resolveUnsubscribeLink(db, req.params.token);
    if (!link) return invalid(req, reply);
    const { locale } = link.claim;
    const what = appText(locale, whatOf(link.claim.channel, link.claim.purpose));
    return send(
      reply,
      200,
      page(
        locale,
        appText(locale, 'messaging.unsubscribe.title'),
        [greetingFor(link.customer, locale), appText(locale, 'messaging.unsubscribe.question', { what })],
        { action: `/unsubscribe/${req.params.token}`, button: appText(locale, 'messaging.unsubscribe.confirm') },
      ),
    );
  });

  app.post<{ Params: { token: string } }>('/unsubscribe/:token', { schema: { hide: true } }, async (req, reply) => {
    if (!guard(req, reply)) return reply;
    const link = await resolveUnsubscribeLink(db, req.params.token);
    if (!link) return invalid(req, reply);
    const body = typeof req.body === 'string' ? req.body : '';
    await recordOptOut(db, link, {
      ip: req.ip,
      requestId: req.id,
      oneClick: body.includes('List-Unsubscribe=One-Click'),
    });
    const { locale } = link.claim;
    const what = appText(locale, whatOf(link.claim.channel, link.claim.purpose));
    return send(
      reply,
      200,
      page(locale, appText(locale, 'messaging.unsubscribe.doneTitle'), [
        greetingFor(link.customer, locale),
        appText(locale, 'messaging.unsubscribe.done', { what }),
      ]),
    );
  });
}
