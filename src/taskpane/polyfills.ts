/**
 * The ES2022 methods WKWebView lacks before Safari 15.4 (Word for Mac and iPad on macOS and iPadOS 15.0
 * to 15.3). Syntax is lowered at build time; methods have to exist at run time, so they are added here,
 * before anything else runs, and only where missing.
 */
function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}

const define = (target: object, name: string, value: unknown) => {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
};

export function installPolyfills(): void {
  define(Array.prototype, 'at', at);
  define(String.prototype, 'at', at);
  define(Object.getPrototypeOf(Int8Array.prototype) as object, 'at', at);
  define(Object, 'hasOwn', (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key));
}

installPolyfills();
