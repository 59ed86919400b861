import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Every variable a Precedent process reads. `.env.example` documents each one. */
export class Env {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /**
   * The address people reach this service at, such as https://precedent.force.example. Empty: not
   * said. An https address is treated as production for secrets and cookies, whatever NODE_ENV says.
   */
  @Matches(/^(https?:\/\/[^\s/?#]+(\/[^\s?#]*)?)?$/, {
    message: 'an http or https address such as https://precedent.force.example, or empty',
  })
  PUBLIC_URL = '';

  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/precedent',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/precedent';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'a Redis URL such as redis://127.0.0.1:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsPort()
  API_PORT = 3000;

  @IsPort()
  REPORTER_PORT = 3001;

  @IsPort()
  WORKER_PORT = 3002;

  /** The public publication site: hearing notices and outcome reports, and their Atom feed. */
  @IsPort()
  PUBLICATION_PORT = 3003;

  /**
   * The address the public reaches the publication site at, such as https://hearings.force.example;
   * the Atom feed's links are absolute from it. Empty: http://127.0.0.1:PUBLICATION_PORT.
   */
  @Matches(/^(https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s?#/])?)?$/, {
    message:
      'an http or https address without a trailing slash, such as https://hearings.force.example, or empty',
  })
  PUBLICATION_URL = '';

  @IsString()
  @MinLength(1, { message: 'a folder path where evidence files are stored, such as ./var/evidence' })
  EVIDENCE_DIR = './var/evidence';

  /** Where uploaded precedent files wait for their import job; the API and the worker share it. */
  @IsString()
  @MinLength(1, { message: 'a folder path where uploaded precedent files wait, such as ./var/imports' })
  IMPORTS_DIR = './var/imports';

  /**
   * Where notices are sent by email: an SMTP URL such as smtp://user:pass@mail.example:587.
   * Empty: each mail is written as a .eml file to MAIL_DIR instead (the demo and development).
   */
  @Matches(/^(smtps?:\/\/\S+)?$/, { message: 'an SMTP URL such as smtp://mail.example:587, or empty' })
  SMTP_URL = '';

  /** The sender of notices by email. */
  @IsString()
  @MinLength(3, { message: 'a sender address such as Precedent <psd-notices@force.example>' })
  MAIL_FROM = 'Precedent <notices@precedent.invalid>';

  /** Without SMTP_URL, the folder mails are written to as .eml files. */
  @IsString()
  @MinLength(1, { message: 'a folder path where mails are written without SMTP_URL, such as ./var/mail' })
  MAIL_DIR = './var/mail';

  /** This instance's force, as a code from forces.json: reports highlight it. Empty: none. */
  @Matches(/^([a-z][a-z-]*)?$/, { message: 'a force code from forces.json, such as kent, or empty' })
  FORCE_CODE = '';

  /** Largest evidence file accepted in one upload, in megabytes (MiB). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of megabytes from 1 to 102400' })
  @Min(1, { message: 'a whole number of megabytes from 1 to 102400' })
  @Max(102_400, { message: 'a whole number of megabytes from 1 to 102400' })
  EVIDENCE_MAX_FILE_MB = 500;

  // Hearings: periods docs/domain.md marks unverified [U], so configuration with a stated default.
  /** Working days' notice of a public hearing before it sits. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 60' })
  @Min(1, { message: 'a whole number of working days from 1 to 60' })
  @Max(60, { message: 'a whole number of working days from 1 to 60' })
  HEARING_PUBLIC_NOTICE_WORKING_DAYS = 5;

  /** Working days before a hearing that panel members are reminded. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 30' })
  @Min(1, { message: 'a whole number of working days from 1 to 30' })
  @Max(30, { message: 'a whole number of working days from 1 to 30' })
  PANEL_REMINDER_WORKING_DAYS = 5;

  /** Working days to appeal a misconduct meeting's outcome. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 60' })
  @Min(1, { message: 'a whole number of working days from 1 to 60' })
  @Max(60, { message: 'a whole number of working days from 1 to 60' })
  MEETING_APPEAL_WORKING_DAYS = 7;

  /** Working days to appeal a hearing's outcome to the Police Appeals Tribunal. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 60' })
  @Min(1, { message: 'a whole number of working days from 1 to 60' })
  @Max(60, { message: 'a whole number of working days from 1 to 60' })
  TRIBUNAL_APPEAL_WORKING_DAYS = 10;

  /** Months an extended final written warning stays live. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of months from 1 to 120' })
  @Min(1, { message: 'a whole number of months from 1 to 120' })
  @Max(120, { message: 'a whole number of months from 1 to 120' })
  EXTENDED_FINAL_WARNING_MONTHS = 60;

  /** Months a written warning under the 2012 Regulations stays live. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of months from 1 to 60' })
  @Min(1, { message: 'a whole number of months from 1 to 60' })
  @Max(60, { message: 'a whole number of months from 1 to 60' })
  WRITTEN_WARNING_2012_MONTHS = 12;

  /**
   * Chief-officer appeals to the Police Appeals Tribunal (Crime and Policing Act 2026; commencement
   * unverified): the first day outcomes may be appealed by the chief officer, YYYY-MM-DD. Empty: off.
   */
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'a date such as 2026-09-01, or empty to keep them off' })
  CHIEF_OFFICER_APPEALS_FROM = '';

  /** Working days from the written outcome for a chief officer to appeal to the Tribunal. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 60' })
  @Min(1, { message: 'a whole number of working days from 1 to 60' })
  @Max(60, { message: 'a whole number of working days from 1 to 60' })
  CHIEF_OFFICER_APPEAL_WORKING_DAYS = 10;

  /** Prefix for BullMQ keys in Redis; tests give each run its own. */
  @Matches(/^[A-Za-z0-9_:-]+$/, { message: 'letters, digits, "_", ":" or "-", such as precedent' })
  QUEUE_PREFIX = 'precedent';

  /**
   * How many API processes serve API_PORT on this machine (Node's cluster module): one uses one core.
   * Sessions, CSRF tokens and throttles live in PostgreSQL and Redis, so any process answers any request.
   */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of processes from 1 to 64' })
  @Min(1, { message: 'a whole number of processes from 1 to 64' })
  @Max(64, { message: 'a whole number of processes from 1 to 64' })
  API_PROCESSES = 1;

  /**
   * Seconds a process has, after SIGTERM or SIGINT, to finish what it is doing and let go; then it
   * exits anyway, whatever Redis and PostgreSQL are doing. Keep it below the orchestrator's own limit.
   */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of seconds from 1 to 600' })
  @Min(1, { message: 'a whole number of seconds from 1 to 600' })
  @Max(600, { message: 'a whole number of seconds from 1 to 600' })
  SHUTDOWN_TIMEOUT_SECONDS = 15;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: string = 'info';

  /**
   * Re-read page templates on every request, to see template edits without a restart. Off by default,
   * development included: recompiling costs 30 to 60 ms of CPU a page (measured by bench:web).
   */
  @IsIn(['true', 'false'], { message: 'true or false' })
  VIEWS_RELOAD: 'true' | 'false' = 'false';

  /** Signs CSRF tokens and session cookies. A secret: required in production. */
  @IsString()
  @MinLength(32, { message: 'a random string of at least 32 characters (openssl rand -base64 48)' })
  SESSION_SECRET = '';

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes, 5 or more' })
  @Min(5, { message: 'a whole number of minutes, 5 or more' })
  SESSION_TTL_MINUTES = 480;

  /** Failed sign-ins for one username before it is locked. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number from 3 to 100' })
  @Min(3, { message: 'a whole number from 3 to 100' })
  @Max(100, { message: 'a whole number from 3 to 100' })
  LOGIN_LOCK_AFTER = 10;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes, 1 or more' })
  @Min(1, { message: 'a whole number of minutes, 1 or more' })
  LOGIN_LOCK_MINUTES = 15;

  /** Encrypts anonymous reports and messages at rest (AES-256-GCM, key derived with HKDF). A secret. */
  @IsString()
  @MinLength(32, { message: 'a random string of at least 32 characters (openssl rand -base64 48)' })
  REPORTING_ENCRYPTION_KEY = '';

  /**
   * Earlier values of REPORTING_ENCRYPTION_KEY, comma-separated: values sealed under them still open,
   * and `cli reporting rotate-keys` re-seals them under the current key. Secrets; empty when none.
   */
  @Matches(/^([^,\s]{32,}(,[^,\s]{32,})*)?$/, {
    message: 'secrets of at least 32 characters each, separated by commas, or empty',
  })
  REPORTING_PREVIOUS_ENCRYPTION_KEYS = '';

  /** Keys the receipt-code lookup digest and the hashed attempt counters. A secret. */
  @IsString()
  @MinLength(32, { message: 'a random string of at least 32 characters (openssl rand -base64 48)' })
  REPORTING_LOOKUP_KEY = '';

  /** How long a reporter's sign-in with a receipt code lasts. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 5 to 240' })
  @Min(5, { message: 'a whole number of minutes from 5 to 240' })
  @Max(240, { message: 'a whole number of minutes from 5 to 240' })
  REPORTER_SESSION_MINUTES = 30;

  /** Largest file a reporter may attach, in megabytes (MiB). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of megabytes from 1 to 100' })
  @Min(1, { message: 'a whole number of megabytes from 1 to 100' })
  @Max(100, { message: 'a whole number of megabytes from 1 to 100' })
  REPORT_ATTACHMENT_MAX_MB = 10;

  /** Days after its last activity that a report not linked to a case is deleted. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of days from 1 to 3650' })
  @Min(1, { message: 'a whole number of days from 1 to 3650' })
  @Max(3650, { message: 'a whole number of days from 1 to 3650' })
  REPORT_RETENTION_DAYS = 90;

  /** How often the worker looks for reports past their retention. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'a whole number of minutes from 1 to 1440' })
  REPORT_RETENTION_SWEEP_MINUTES = 60;

  /**
   * Where the audit chain's head is appended (one JSON line an anchor), outside the database, so a
   * removed tail of the log is seen by `audit verify`. Keep it where database administrators cannot write.
   */
  @IsString()
  @MinLength(1, { message: 'a file path for the audit anchors, such as ./var/audit/anchors.jsonl' })
  AUDIT_ANCHOR_FILE = './var/audit/anchors.jsonl';

  /** How often the worker anchors the audit chain's head. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'a whole number of minutes from 1 to 1440' })
  AUDIT_ANCHOR_MINUTES = 60;

  /** Wrong tries of one receipt code, or from one client a trusted proxy names, in a window before more are refused. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number from 1 to 1000' })
  @Min(1, { message: 'a whole number from 1 to 1000' })
  @Max(1000, { message: 'a whole number from 1 to 1000' })
  RECEIPT_ATTEMPTS = 10;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'a whole number of minutes from 1 to 1440' })
  RECEIPT_ATTEMPT_WINDOW_MINUTES = 15;

  /**
   * Wrong receipt codes all clients together may try in a window, after which wrong and unknown codes
   * are refused without the slow check (a code that exists is still checked). Bounds the argon2 work.
   */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number from 10 to 1000000' })
  @Min(10, { message: 'a whole number from 10 to 1000000' })
  @Max(1_000_000, { message: 'a whole number from 10 to 1000000' })
  RECEIPT_GLOBAL_ATTEMPTS = 5_000;

  /**
   * Addresses of the reverse proxies in front of the reporter portal, comma-separated. Only a request
   * arriving from one of these has its client read from X-Forwarded-For (and then counted, hashed, per
   * client); with none set, wrong codes are never counted per address.
   */
  @IsString()
  TRUSTED_PROXIES = '';

  /** Anonymous reports the portal accepts in a window, from everyone together (no one is identified). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number from 1 to 100000' })
  @Min(1, { message: 'a whole number from 1 to 100000' })
  @Max(100_000, { message: 'a whole number from 1 to 100000' })
  REPORT_SUBMISSION_BUDGET = 200;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'a whole number of minutes from 1 to 1440' })
  REPORT_SUBMISSION_WINDOW_MINUTES = 60;

  /** Submissions (each a 64 MiB argon2 hash and perhaps an image decode) handled at once by one portal process. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number from 1 to 64' })
  @Min(1, { message: 'a whole number from 1 to 64' })
  @Max(64, { message: 'a whole number from 1 to 64' })
  REPORT_SUBMISSION_CONCURRENCY = 2;

  /** Working days to refer a case meeting a mandatory IOPC criterion (the 2004 rule; today's deadline unverified). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 0 to 30' })
  @Min(0, { message: 'a whole number of working days from 0 to 30' })
  @Max(30, { message: 'a whole number of working days from 0 to 30' })
  IOPC_REFERRAL_WORKING_DAYS = 1;

  /** Working days within which a misconduct meeting is held (reg 34; unverified). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of working days from 1 to 120' })
  @Min(1, { message: 'a whole number of working days from 1 to 120' })
  @Max(120, { message: 'a whole number of working days from 1 to 120' })
  MISCONDUCT_MEETING_WORKING_DAYS = 20;

  // The precedent network (docs/precedent-network.md).
  /**
   * The peers this instance harvests precedents from: a JSON array of {force, url, keys, token}: the
   * peer's force code, its feed's address (https://…/exchange/v1/precedents), its public keys (as
   * `network keys` prints them; two during a rotation) and the token it issued to this force. A secret
   * (the tokens). Empty: no peers.
   */
  @IsString()
  PEERS = '';

  /** This force's Ed25519 private key, as `network keys` prints it: signs the feed's pages. A secret. */
  @Matches(/^([A-Za-z0-9+/=_-]{40,200})?$/, {
    message: 'a private key as `network keys` prints it, or empty',
  })
  NETWORK_SIGNING_KEY = '';

  /** The private key before the last rotation: pages are signed with it too until NETWORK_PREVIOUS_KEY_UNTIL. A secret. */
  @Matches(/^([A-Za-z0-9+/=_-]{40,200})?$/, {
    message: 'a private key as `network keys` prints it, or empty',
  })
  NETWORK_PREVIOUS_SIGNING_KEY = '';

  /** The last day (YYYY-MM-DD, London) pages carry the previous key's signature: the rotation's overlap. */
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'a date such as 2027-01-31, or empty' })
  NETWORK_PREVIOUS_KEY_UNTIL = '';

  /** Days a rotated-out key keeps signing, which `network keys` writes into NETWORK_PREVIOUS_KEY_UNTIL. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of days from 1 to 365' })
  @Min(1, { message: 'a whole number of days from 1 to 365' })
  @Max(365, { message: 'a whole number of days from 1 to 365' })
  NETWORK_KEY_OVERLAP_DAYS = 30;

  /** How often the worker harvests the peers that are due. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'a whole number of minutes from 1 to 1440' })
  NETWORK_PULL_MINUTES = 15;

  /** How long one peer has to answer one page before it is given up on until its next attempt. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of seconds from 1 to 300' })
  @Min(1, { message: 'a whole number of seconds from 1 to 300' })
  @Max(300, { message: 'a whole number of seconds from 1 to 300' })
  NETWORK_PULL_TIMEOUT_SECONDS = 20;

  /** Days a public hearing's outcome report stays on the force website (reg 43(7): not less than 28). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'a whole number of days from 28 to 365 (reg 43(7): not less than 28)' })
  @Min(28, { message: 'a whole number of days from 28 to 365 (reg 43(7): not less than 28)' })
  @Max(365, { message: 'a whole number of days from 28 to 365 (reg 43(7): not less than 28)' })
  OUTCOME_PUBLICATION_DAYS = 28;
}

/**
 * Whether this instance is served to real users: NODE_ENV=production, or a public https address.
 * Then secrets are never generated and cookies are sent over HTTPS only.
 */
export function servesRealUsers(env: { NODE_ENV?: string; PUBLIC_URL?: string }): boolean {
  return env.NODE_ENV === 'production' || (env.PUBLIC_URL ?? '').toLowerCase().startsWith('https://');
}

/** Variables that must be set in production and are generated for development. */
export const SECRET_VARIABLES = [
  'SESSION_SECRET',
  'REPORTING_ENCRYPTION_KEY',
  'REPORTING_LOOKUP_KEY',
] as const satisfies readonly (keyof Env)[];

/** A TCP port, given as digits in the environment. */
function IsPort(): PropertyDecorator {
  const expected = { message: 'a TCP port number from 1 to 65535' };
  const parts = [
    Transform(({ value }) => toInt(value)),
    IsInt(expected),
    Min(1, expected),
    Max(65535, expected),
  ];
  return (target, property) => parts.forEach((decorate) => decorate(target, property));
}

function toInt(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return value;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; expected: string }[]) {
    super(
      'Precedent cannot start: its configuration is incomplete.\n' +
        problems.map((p) => `  ${p.variable}: expected ${p.expected}`).join('\n') +
        '\nSet these environment variables (see .env.example) and start again.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates raw variables. Unset variables take their defaults; set but malformed ones are errors.
 * Values are never echoed in the error, because some of them are secrets.
 */
export function validateEnv(raw: Record<string, string | undefined>): Env {
  const known = new Set(Object.keys(new Env()));
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => known.has(k) && v !== undefined && v !== ''),
  );
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.map((e) => ({
    variable: e.property,
    expected: Object.values(e.constraints ?? {})[0] ?? 'a valid value',
  }));
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
