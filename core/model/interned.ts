/** Strings stored once, numbered by first appearance (buyer keys, currencies, countries). */
export class Interned {
  readonly values: string[];
  private readonly index = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    this.values = [...initial];
    for (const s of initial) this.index.set(s, this.index.size);
  }

  /** The number of `s`, adding it when new. */
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}
