/**
 * Reads an X archive data file (`window.YTD.<name>.part<N> = [ … ]`) as data, never as code: the
 * assignment prefix is checked, then the array is split into its elements by a small scanner that
 * tracks strings and nesting, and each element is parsed with JSON.parse on its own. Memory stays
 * at one element however large the file; anything after the array but a semicolon is refused.
 */
export class ArchiveFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveFormatError';
  }
}

const PREFIX = /^\s*window\.YTD\.([A-Za-z0-9_]+)\.part(\d+)\s*$/;
const MAX_PREFIX = 200;
const MAX_ELEMENT = 16 * 1024 * 1024;

type State = 'prefix' | 'open' | 'between' | 'element' | 'done';

export class YtdScanner {
  /** `tweets`, `deleted_tweets`, `note_tweet`, `account` …, once the prefix has been read. */
  globalName: string | null = null;
  count = 0;
  private state: State = 'prefix';
  private prefix = '';
  private element: string[] = [];
  private elementLength = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(
    private readonly file: string,
    private readonly onElement: (value: unknown, index: number) => void,
  ) {}

  push(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      switch (this.state) {
        case 'prefix':
          if (c === '=') {
            const match = PREFIX.exec(this.prefix.replace(/^\ufeff/, ''));
            if (!match) throw this.error('it does not start with a window.YTD.<name>.part<N> = assignment');
            this.globalName = match[1];
            this.state = 'open';
          } else {
            this.prefix += c;
            if (this.prefix.length > MAX_PREFIX)
              throw this.error('it does not start with a window.YTD assignment');
          }
          break;
        case 'open':
          if (c === '[') this.state = 'between';
          else if (!/\s/.test(c)) throw this.error('the assignment is not an array');
          break;
        case 'between':
          if (c === '{' || c === '[') {
            this.state = 'element';
            this.depth = 1;
            start = i;
          } else if (c === ']') this.state = 'done';
          else if (c !== ',' && !/\s/.test(c))
            throw this.error(`unexpected "${c}" between elements ${this.count} and ${this.count + 1}`);
          break;
        case 'element':
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === '\\') this.escaped = true;
            else if (c === '"') this.inString = false;
          } else if (c === '"') this.inString = true;
          else if (c === '{' || c === '[') this.depth++;
          else if (c === '}' || c === ']') {
            this.depth--;
            if (this.depth === 0) {
              this.element.push(text.slice(start, i + 1));
              this.finishElement();
              this.state = 'between';
            }
          }
          break;
        case 'done':
          if (c !== ';' && !/\s/.test(c))
            throw this.error('there is code after the array; it is refused, never run');
          break;
      }
    }
    if (this.state === 'element') {
      const rest = text.slice(start);
      this.element.push(rest);
      this.elementLength += rest.length;
      if (this.elementLength > MAX_ELEMENT)
        throw this.error(`element ${this.count + 1} is larger than 16 MB`);
    }
  }

  end(): void {
    if (this.state !== 'done') throw this.error('it ends before its array is closed (truncated?)');
  }

  private finishElement(): void {
    const json = this.element.join('');
    this.element = [];
    this.elementLength = 0;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw this.error(
        `element ${this.count + 1} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    this.onElement(value, this.count++);
  }

  private error(reason: string): ArchiveFormatError {
    return new ArchiveFormatError(`${this.file} cannot be read as X archive data: ${reason}.`);
  }
}
