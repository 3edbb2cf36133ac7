/**
 * A Map that a refresh after a write derives from the previous state's in
 * time proportional to what changed, not to the commission: a large base,
 * shared by every state derived from it and never written again, and a small
 * layer of this state's own entries over it (a removed base entry is a
 * tombstone there). `derive()` copies only the layer; once the layer has grown
 * to a sixteenth of the base, the derived map gets a new base of its own (one
 * copy in many refreshes). A map's own writes go to its layer, so writing to
 * one state — the details read into it later (year-parts.ts addKeptDetails) —
 * never shows in another.
 *
 * Reads as a Map (get, has, size, iteration): iteration gives the base's
 * entries not overridden, then the layer's in the order they were set.
 */
const GONE: unique symbol = Symbol('gone');

export class LayeredMap<K, V> extends Map<K, V> {
  private base: ReadonlyMap<K, V>;
  /** The layer: this map's own entries (GONE: a base entry removed). */
  private layer = new Map<K, V | typeof GONE>();
  private count: number;

  constructor(base: ReadonlyMap<K, V> = new Map()) {
    super();
    this.base = base;
    this.count = base.size;
  }

  /** A map over a plain one: the plain one is copied once, so that writing to it later changes nothing here. */
  static of<K, V>(from: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return from instanceof LayeredMap ? (from as LayeredMap<K, V>).derive() : new LayeredMap(new Map(from));
  }

  /** A new map with the same entries, sharing the base: O(layer). */
  derive(): LayeredMap<K, V> {
    if (this.layer.size > Math.max(64, this.base.size / 16)) return new LayeredMap(new Map(this));
    const next = new LayeredMap<K, V>(this.base);
    next.layer = new Map(this.layer);
    next.count = this.count;
    return next;
  }

  override get size(): number {
    return this.count;
  }

  override get(key: K): V | undefined {
    const v = this.layer.get(key);
    if (v !== undefined) return v === GONE ? undefined : v;
    return this.layer.has(key) ? (v as V) : this.base.get(key);
  }

  override has(key: K): boolean {
    if (this.layer.has(key)) return this.layer.get(key) !== GONE;
    return this.base.has(key);
  }

  override set(key: K, value: V): this {
    // (Called by Map's constructor before the fields exist: super() is given no entries.)
    if (!this.has(key)) this.count++;
    this.layer.set(key, value);
    return this;
  }

  override delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.count--;
    if (this.base.has(key)) this.layer.set(key, GONE);
    else this.layer.delete(key);
    return true;
  }

  override clear(): void {
    this.base = new Map();
    this.layer.clear();
    this.count = 0;
  }

  // With no layer (a state as computed), the base's own iterators: as fast as a plain Map's.
  override entries(): MapIterator<[K, V]> {
    return this.layer.size === 0 ? (this.base.entries() as MapIterator<[K, V]>) : this.layered();
  }

  override keys(): MapIterator<K> {
    return this.layer.size === 0 ? (this.base.keys() as MapIterator<K>) : this.layeredKeys();
  }

  override values(): MapIterator<V> {
    return this.layer.size === 0 ? (this.base.values() as MapIterator<V>) : this.layeredValues();
  }

  private *layeredKeys(): MapIterator<K> {
    for (const [k] of this.layered()) yield k;
  }

  private *layeredValues(): MapIterator<V> {
    for (const [, v] of this.layered()) yield v;
  }

  private *layered(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) if (!this.layer.has(k)) yield [k, v];
    for (const [k, v] of this.layer) if (v !== GONE) yield [k, v];
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
