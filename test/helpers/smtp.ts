// A real SMTP server for tests (the `smtp-server` package) that keeps what it accepts, with a tiny MIME
// reader for the single-part text mails the outbox sends. `onMessage` lets a test act at the moment
// the data has arrived — before the 250 reply (the mail is then refused) or right after it.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type ReceivedMail = {
  raw: string;
  headers: Map<string, string>;
  messageId: string;
  subject: string;
  text: string;
  to: string[];
  from: string;
};

export type MailDecision = 'accept' | 'refuse-transient' | 'refuse-permanent';

export type TestSmtp = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Called with the parsed mail before replying; return how to answer. */
  onMessage: ((mail: ReceivedMail) => MailDecision | void) | null;
  /** Called when a client connects, before the greeting. */
  onConnect: (() => void) | null;
  /** Called right after the 250 reply went out. */
  afterAccept: ((mail: ReceivedMail) => void) | null;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([BQbq])\?([^?]*)\?=\s*(?==\?)?/g,
    (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function parseMail(raw: string, session?: SMTPServerSession): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const body = raw.slice(split + 4);
  return {
    raw,
    headers,
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text: decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()).replace(/\r\n/g, '\n'),
    to: session?.envelope.rcptTo.map((r) => r.address) ?? [],
    from: decodeWords(headers.get('from') ?? ''),
  };
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const state: Pick<TestSmtp, 'onMessage' | 'onConnect' | 'afterAccept'> = {
    onMessage: null,
    onConnect: null,
    afterAccept: null,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      state.onConnect?.();
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('latin1'), session);
        // Headers and body were read as bytes; decode the UTF-8 of the raw text once more for callers.
        const decision = state.onMessage?.(mail) ?? 'accept';
        if (decision === 'refuse-transient') {
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(err);
        }
        if (decision === 'refuse-permanent') {
          const err = Object.assign(new Error(`Mailbox ${mail.to[0] ?? ''} unavailable`), { responseCode: 550 });
          return callback(err);
        }
        mails.push(mail);
        callback(null, 'queued');
        state.afterAccept?.(mail);
      });
    },
  });
  server.on('error', () => {}); // a client killed mid-session
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const smtp: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get onMessage() {
      return state.onMessage;
    },
    set onMessage(f) {
      state.onMessage = f;
    },
    get onConnect() {
      return state.onConnect;
    },
    set onConnect(f) {
      state.onConnect = f;
    },
    get afterAccept() {
      return state.afterAccept;
    },
    set afterAccept(f) {
      state.afterAccept = f;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return smtp;
}
