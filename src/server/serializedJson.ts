/**
 * A JSON reply body serialised once: a kept reply (Today's or Progress's, see services/plans.ts) answers many calls,
 * and turning the same object into the same bytes on each of them was 7–8 % of a kept Today's call. A route whose
 * handler returns one sends its bytes as they are (routes/define.ts), and the API's compression keeps each encoding
 * of them (apiCompression.ts). `T` is what the bytes hold, so a handler still answers its route's contract type.
 */
export class SerializedJson<T> {
  declare private readonly holds: T;
  private constructor(readonly bytes: Buffer) {}

  static of<T>(value: T): SerializedJson<T> {
    return new SerializedJson<T>(Buffer.from(JSON.stringify(value)));
  }
}
