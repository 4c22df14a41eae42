/**
 * Reads a JSON document whose top level is an object, chunk by chunk, and hands over the JSON
 * text of each of its members, and of each element of one array member (the rewards batch's
 * `enterprises`) one at a time, so that a large file is never held whole, nor turned into
 * objects whole. Only the structure is followed here (strings, brackets, commas, colons): each
 * text handed over is parsed by the caller with JSON.parse, which checks it. Anything else than
 * `{ "key": value, … }` with the streamed key's value an array stops the reading with a
 * JsonStructureError; the caller then reads the document as a whole for its exact message.
 */

export class JsonStructureError extends Error {}

export interface JsonMemberHandlers {
  /** A member of the top-level object other than the streamed array: its key and its value's JSON text. */
  member?(key: string, text: string): void;
  /** The streamed array's key was met (its elements follow). */
  arrayKey?(): void;
  /** One element of the streamed array, as JSON text. */
  element?(text: string): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

enum Expect {
  /** Before the top-level object. */
  Document,
  /** A member's key, or the end of an empty object. */
  FirstKey,
  Key,
  Colon,
  Value,
  /** Inside the value of a member other than the streamed array. */
  MemberValue,
  /** An element of the streamed array, or the end of an empty array. */
  FirstElement,
  Element,
  /** Inside an element of the streamed array. */
  InElement,
  /** After a member's value: a comma or the end of the object. */
  NextMember,
  /** After the top-level object: nothing but white space. */
  Nothing,
}

/**
 * Follows the structure of one document; `push` each chunk in order, then `end`. `captureMembers`
 * and `captureElements` say which texts are made (a pass that wants only the members skips the
 * elements' text, and the other way round).
 */
export class JsonMemberScanner {
  private expect = Expect.Document;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Pieces of the text being captured that began in earlier chunks. */
  private pieces: Uint8Array[] = [];
  private capturing = false;
  private captureStart = 0;
  private key = "";
  private readonly keysSeen = new Set<string>();

  constructor(
    private readonly streamedKey: string,
    private readonly handlers: JsonMemberHandlers,
    private readonly captureMembers: boolean,
    private readonly captureElements: boolean,
  ) {}

  private fail(what: string): never {
    throw new JsonStructureError(what);
  }

  private startCapture(at: number, wanted: boolean): void {
    this.capturing = wanted;
    this.captureStart = at;
    this.pieces = [];
  }

  private endCapture(chunk: Uint8Array, at: number): string {
    const last = chunk.subarray(this.captureStart, at);
    const bytes = this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last]);
    this.pieces = [];
    this.capturing = false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }

  /**
   * Follows a value from `start` to the comma or bracket that ends it at depth `boundary`, or to
   * the end of the chunk. The hot loop of the reading: its state is kept in locals.
   */
  private valueEnd(chunk: Uint8Array, start: number, boundary: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const length = chunk.length;
    let index = start;
    for (; index < length; index++) {
      const byte = chunk[index] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === boundary) break;
        depth--;
      } else if (byte === COMMA && depth === boundary) break;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return index;
  }

  push(chunk: Uint8Array): void {
    const length = chunk.length;
    for (let index = 0; index < length; index++) {
      if (this.expect === Expect.InElement) {
        index = this.valueEnd(chunk, index, 2);
        if (index === length) break;
        const byte = chunk[index] as number;
        if (byte === CLOSE_BRACE) this.fail("unbalanced brace in the array");
        const text = this.captureElements ? this.endCapture(chunk, index) : "";
        this.capturing = false;
        if (this.captureElements) this.handlers.element?.(text);
        if (byte === COMMA) this.expect = Expect.Element;
        else {
          this.depth = 1;
          this.expect = Expect.NextMember;
        }
        continue;
      }
      if (this.expect === Expect.MemberValue) {
        index = this.valueEnd(chunk, index, 1);
        if (index === length) break;
        const byte = chunk[index] as number;
        if (byte === CLOSE_BRACKET) this.fail("unbalanced bracket in the object");
        const text = this.captureMembers ? this.endCapture(chunk, index) : "";
        this.capturing = false;
        if (this.captureMembers) this.handlers.member?.(this.key, text);
        if (byte === COMMA) this.expect = Expect.Key;
        else {
          this.depth = 0;
          this.expect = Expect.Nothing;
        }
        continue;
      }
      const byte = chunk[index] as number;
      if (this.inString) {
        // Only a key's string is followed here; a value's strings are followed in valueEnd.
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          this.key = JSON.parse(this.endCapture(chunk, index + 1)) as string;
          if (this.keysSeen.has(this.key)) this.fail(`repeated key ${this.key}`);
          this.keysSeen.add(this.key);
          this.expect = Expect.Colon;
        }
        continue;
      }
      if (isWhitespace(byte)) continue;
      switch (this.expect) {
        case Expect.Document:
          if (byte !== OPEN_BRACE) this.fail("the document is not an object");
          this.depth = 1;
          this.expect = Expect.FirstKey;
          break;
        case Expect.FirstKey:
        case Expect.Key:
          if (byte === CLOSE_BRACE && this.expect === Expect.FirstKey) {
            this.depth = 0;
            this.expect = Expect.Nothing;
          } else if (byte === QUOTE) {
            this.expect = Expect.Key;
            this.inString = true;
            this.startCapture(index, true);
          } else this.fail("a key was expected");
          break;
        case Expect.Colon:
          if (byte !== COLON) this.fail("a colon was expected");
          this.expect = Expect.Value;
          break;
        case Expect.Value:
          if (this.key === this.streamedKey) {
            if (byte !== OPEN_BRACKET) this.fail(`${this.streamedKey} is not an array`);
            this.handlers.arrayKey?.();
            this.depth = 2;
            this.expect = Expect.FirstElement;
          } else {
            this.expect = Expect.MemberValue;
            this.startCapture(index, this.captureMembers);
            index--; // the value's first character is read again as part of the value
          }
          break;
        case Expect.FirstElement:
        case Expect.Element:
          if (byte === CLOSE_BRACKET && this.expect === Expect.FirstElement) {
            this.depth = 1;
            this.expect = Expect.NextMember;
          } else if (byte === CLOSE_BRACKET || byte === COMMA) this.fail("an element was expected");
          else {
            this.expect = Expect.InElement;
            this.startCapture(index, this.captureElements);
            index--;
          }
          break;
        case Expect.NextMember:
          if (byte === COMMA) this.expect = Expect.Key;
          else if (byte === CLOSE_BRACE) {
            this.depth = 0;
            this.expect = Expect.Nothing;
          } else this.fail("a comma or the end of the object was expected");
          break;
        case Expect.Nothing:
          this.fail("text after the end of the document");
          break;
        default:
          break;
      }
    }
    if (this.capturing) {
      this.pieces.push(chunk.subarray(this.captureStart));
      this.captureStart = 0;
    }
  }

  /** The document has ended: it must have been one whole object. */
  end(): void {
    if (this.expect !== Expect.Nothing || this.inString) this.fail("the document ended early");
  }
}
