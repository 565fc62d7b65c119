/** What the oldest Word webview lacks is added, and nothing that exists is replaced. */
const saved = {
  array: Array.prototype.at,
  string: String.prototype.at,
  hasOwn: Object.hasOwn,
};

afterAll(() => {
  Object.defineProperty(Array.prototype, 'at', { value: saved.array, writable: true, configurable: true });
  Object.defineProperty(String.prototype, 'at', { value: saved.string, writable: true, configurable: true });
  Object.defineProperty(Object, 'hasOwn', { value: saved.hasOwn, writable: true, configurable: true });
});

test('at and Object.hasOwn behave as ES2022 says when the webview has none', async () => {
  delete (Array.prototype as { at?: unknown }).at;
  delete (String.prototype as { at?: unknown }).at;
  delete (Object as { hasOwn?: unknown }).hasOwn;
  expect('at' in []).toBe(false);
  const { installPolyfills } = await import('../../src/taskpane/polyfills');
  installPolyfills();
  expect([1, 2, 3].at(-1)).toBe(3);
  expect([1, 2, 3].at(0)).toBe(1);
  expect([1, 2, 3].at(3)).toBeUndefined();
  expect([1, 2, 3].at(-4)).toBeUndefined();
  expect([1, 2, 3].at(1.7)).toBe(2);
  expect('abc'.at(-2)).toBe('b');
  expect(new Uint8Array([7, 8]).at(-1)).toBe(8);
  expect(Object.hasOwn({ a: 1 }, 'a')).toBe(true);
  expect(Object.hasOwn(Object.create({ a: 1 }), 'a')).toBe(false);
});

test('a method the webview has is kept', async () => {
  const own = function at() {
    return 'own';
  };
  Object.defineProperty(Array.prototype, 'at', { value: own, writable: true, configurable: true });
  const { installPolyfills } = await import('../../src/taskpane/polyfills');
  installPolyfills();
  expect(Array.prototype.at).toBe(own);
});
