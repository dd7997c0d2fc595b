// The loading of one of the package's WebAssembly modules in browsers, bundlers and Workers,
// shared by the entry points (index.js, encode.js): an idempotent `init`, `initSync`, and
// `need`, which throws a plain "call init() first" error until the module is ready.

/**
 * `entry` names the entry point in errors; `glue` is wasm-bindgen's `web` module (its default
 * export loads the .wasm); `exported()` gives the entry's API object once loaded.
 */
export function loader(entry, glue, exported) {
  let ready; // Promise<Api> once init() has been called
  let loaded = false;

  function need(what) {
    if (!loaded) {
      throw new Error(
        `${entry}: ${what} was called before the WebAssembly module was loaded. ` +
          'Call `await init()` once first (or `initSync({ module })` in a Worker); Node needs no init.',
      );
    }
  }

  /** Loads the module once; later calls return the same promise, whatever they are given. */
  function init(input) {
    ready ??= glue.default(input === undefined ? undefined : { module_or_path: input }).then(
      () => {
        loaded = true;
        return exported();
      },
      (error) => {
        ready = undefined; // a failed load may be retried, for example with another URL
        throw error;
      },
    );
    return ready;
  }

  /** Loads the module synchronously from bytes or a compiled `WebAssembly.Module`. */
  function initSync(input) {
    if (!loaded) {
      const module = input !== null && typeof input === 'object' && 'module' in input ? input.module : input;
      glue.initSync({ module });
      loaded = true;
      ready = Promise.resolve(exported());
    }
    return exported();
  }

  return { init, initSync, need };
}
