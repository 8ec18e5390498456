/**
 * Heuristics for environment variable names that hold credentials (`DB_PASSWORD`, `apiKey`,
 * `AWS_SECRET_ACCESS_KEY`) as opposed to names that merely refer to one (`DB_PASSWORD_FILE`,
 * `TOKEN_URL`, `SECRET_NAME`, `AWS_ACCESS_KEY_ID`). Used by the env-secret-literal rule and by the
 * reporters, which redact the literal values of such variables.
 */

/**
 * Words that mark a credential. A name token matches when it equals the word, or ends with it
 * (compounds such as `dbpassword`, `clientsecret`, `authtoken`).
 */
const CREDENTIAL_WORDS = [
  'password',
  'passwords',
  'passwd',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'privatekey',
  'accesskey',
  'secretkey',
  'authkey',
  'encryptionkey',
  'signingkey',
  'masterkey',
];

/**
 * Short words that count only as the whole last token of a name of several tokens (`DB_PASS`, `DB_PWD`;
 * but `PWD` is the shell's working directory and `PASS_THROUGH` a switch).
 */
const SHORT_CREDENTIAL_WORDS = new Set(['pass', 'pwd', 'pw']);

/** Two adjacent tokens that name a credential: `API_KEY`, `private-key`, `accessKey`. */
const CREDENTIAL_PAIRS: readonly (readonly [string, string])[] = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['encryption', 'key'],
  ['signing', 'key'],
  ['master', 'key'],
  ['auth', 'key'],
];

/** `auth` is a credential only as the last token: `BASIC_AUTH`, `REDIS_AUTH`, `proxyAuth`, `AUTHORIZATION`. */
const AUTH_WORDS = ['auth', 'authorization'];

/**
 * A last token that makes the name refer to a credential, or describe it, rather than hold it:
 * where it is (`_FILE`, `_PATH`, `_URL`), what it is called (`_NAME`, `_ID`), or a setting about
 * it (`_TYPE`, `_ENABLED`, `_TTL`).
 */
const REFERENCE_SUFFIXES = new Set([
  'file',
  'files',
  'filename',
  'path',
  'paths',
  'dir',
  'dirs',
  'directory',
  'folder',
  'mount',
  'mountpath',
  'location',
  'url',
  'urls',
  'uri',
  'uris',
  'endpoint',
  'endpoints',
  'host',
  'hostname',
  'server',
  'port',
  'addr',
  'address',
  'sock',
  'socket',
  'name',
  'names',
  'ref',
  'id',
  'ids',
  'type',
  'kind',
  'enabled',
  'enable',
  'disabled',
  'required',
  'ttl',
  'expiry',
  'expiration',
  'expires',
  'expire',
  'lifetime',
  'timeout',
  'interval',
  'duration',
  'seconds',
  'minutes',
  'length',
  'len',
  'size',
  'count',
  'min',
  'max',
  'policy',
  'mode',
  'method',
  'strategy',
  'provider',
  'header',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'realm',
  'algorithm',
  'format',
  'version',
  'prefix',
  'user',
  'username',
  'login',
  'email',
  'namespace',
]);

/** Tokens that make the variable a switch about a credential: `MYSQL_ALLOW_EMPTY_PASSWORD`, `MYSQL_RANDOM_ROOT_PASSWORD`. */
const FLAG_WORDS = new Set(['allow', 'empty', 'random', 'generate', 'skip', 'require', 'disable', 'enable', 'use']);

/** First tokens that make the variable a count or limit: `MAX_INPUT_TOKENS`, `MIN_PASSWORD_LENGTH`. */
const MEASURE_PREFIXES = new Set(['max', 'min', 'num', 'number']);

/** Well-known names whose value is not a credential despite the words in them. */
const KNOWN_NON_CREDENTIALS = new Set([
  // a path to a service account key file
  'GOOGLE_APPLICATION_CREDENTIALS',
  // an identifier shared by the members of an etcd cluster, not a secret
  'ETCD_INITIAL_CLUSTER_TOKEN',
]);

/** Splits an env var name into lower-case words: `dbPassword`, `DB_PASSWORD`, `db-password.v2`, `APIKey`. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((t) => t.replace(/[0-9]+$/, ''))
    .filter((t) => t !== '');
}

function isCredentialToken(token: string, index: number, tokens: readonly string[]): boolean {
  if (SHORT_CREDENTIAL_WORDS.has(token)) return tokens.length > 1 && index === tokens.length - 1;
  return CREDENTIAL_WORDS.some((w) => token === w || token.endsWith(w));
}

/**
 * True when an env var of this name is meant to hold a credential: it contains a credential word
 * (password, passwd, secret, token, api key, private key, access key, credentials, auth, ...) and
 * does not merely refer to or describe one (`_FILE`, `_PATH`, `_URL`, `_NAME`, `_ID`, `_TYPE`,
 * `_ENABLED`, `_TTL`, ...). Case and separators do not matter.
 */
export function isCredentialName(name: string): boolean {
  if (typeof name !== 'string' || name === '') return false;
  if (KNOWN_NON_CREDENTIALS.has(name.toUpperCase())) return false;
  const tokens = nameTokens(name);
  if (tokens.length === 0) return false;
  const last = tokens[tokens.length - 1];
  if (REFERENCE_SUFFIXES.has(last)) return false;
  if (MEASURE_PREFIXES.has(tokens[0])) return false;
  if (tokens.some((t) => FLAG_WORDS.has(t))) return false;

  if (tokens.some((t, i) => isCredentialToken(t, i, tokens))) return true;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (CREDENTIAL_PAIRS.some(([a, b]) => tokens[i] === a && tokens[i + 1] === b)) return true;
  }
  return AUTH_WORDS.some((w) => last === w || last.endsWith(w));
}

/** True for a literal PEM private key (`-----BEGIN RSA PRIVATE KEY-----`), whatever the variable is called. */
export function isPrivateKeyValue(value: string): boolean {
  return /-{3,}\s*BEGIN\s+[A-Z0-9 ]*PRIVATE KEY/.test(value);
}
