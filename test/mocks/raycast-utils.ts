// A small stand-in for @raycast/utils: the hooks keep real React state and the
// same return shapes; side effects go through the @raycast/api mock so tests
// see them in one place (`__mock` there). runAppleScript never runs osascript.
import { createHash } from "node:crypto";
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import { Cache, LaunchType, LocalStorage, Toast, __mock as apiMock, environment, showToast } from "./raycast-api";

type ToastOptions = Partial<Pick<Toast.Options, "title" | "message" | "primaryAction">>;

/** Like the real one: a Failure toast titled "Something went wrong" unless told otherwise. */
export async function showFailureToast(error: unknown, options?: ToastOptions): Promise<Toast> {
  const message = error instanceof Error ? error.message : String(error);
  return showToast({
    style: Toast.Style.Failure,
    title: options?.title ?? "Something went wrong",
    message: options?.message ?? message,
    primaryAction: options?.primaryAction,
  });
}

// ---------------------------------------------------------------------------
// usePromise / useCachedPromise

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AsyncFn = (...args: any[]) => Promise<any>;

export interface PromiseOptions<T extends AsyncFn> {
  abortable?: RefObject<AbortController | null | undefined>;
  execute?: boolean;
  failureToastOptions?: ToastOptions;
  onError?: (error: Error) => void | Promise<void>;
  onData?: (data: Awaited<ReturnType<T>>) => void | Promise<void>;
  onWillExecute?: (parameters: Parameters<T>) => void;
}

interface PromiseState<D> {
  isLoading: boolean;
  data?: D;
  error?: Error;
}

type MutateOptions<D> = { optimisticUpdate?: (data: D | undefined) => D; shouldRevalidateAfter?: boolean };

function usePromiseState<T extends AsyncFn>(
  fn: T,
  args: Parameters<T>,
  options: PromiseOptions<T> | undefined,
  initial: PromiseState<Awaited<ReturnType<T>>>,
  store?: (data: Awaited<ReturnType<T>>) => void,
) {
  type D = Awaited<ReturnType<T>>;
  const execute = options?.execute !== false;
  const [state, setState] = useState<PromiseState<D>>({ ...initial, isLoading: execute });
  // Latest values in refs so revalidate() always runs the current fn/args.
  const latest = useRef<{
    fn: T;
    args: Parameters<T>;
    options?: PromiseOptions<T>;
    store?: (data: Awaited<ReturnType<T>>) => void;
    revalidate?: () => Promise<unknown>;
  }>({ fn, args, options, store });
  latest.current = { ...latest.current, fn, args, options, store };
  const callId = useRef(0);

  const abort = useCallback((): number => {
    const { options } = latest.current;
    if (options?.abortable) {
      options.abortable.current?.abort();
      options.abortable.current = new AbortController();
    }
    return ++callId.current;
  }, []);

  // Like the real hook, a failure resolves with the Error (it never rejects):
  // an Action can pass `revalidate` as onAction without an unhandled rejection.
  // onData is started, not waited for; a throwing onError or onData is logged.
  const revalidate = useCallback(async (): Promise<D> => {
    const { fn, args, options, store } = latest.current;
    const id = abort();
    setState((previous) => ({ ...previous, isLoading: true }));
    try {
      options?.onWillExecute?.(args);
      const data = (await fn(...args)) as D;
      // A later call superseded this one: its result wins.
      if (id === callId.current) {
        try {
          Promise.resolve(options?.onData?.(data)).catch((error) => console.error("The onData callback failed", error));
        } catch (error) {
          console.error("The onData callback failed", error);
        }
        store?.(data);
        setState({ isLoading: false, data });
      }
      return data;
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      if (error.name !== "AbortError" && id === callId.current) {
        if (options?.onError) {
          try {
            await options.onError(error);
          } catch (onErrorError) {
            console.error("The onError callback failed", onErrorError);
          }
        } else if (environment.launchType !== LaunchType.Background) {
          await showFailureToast(error, {
            title: "Failed to fetch latest data",
            primaryAction: {
              title: "Retry",
              onAction(toast) {
                void toast.hide();
                void latest.current.revalidate?.();
              },
            },
            ...options?.failureToastOptions,
          });
        }
        if (id === callId.current) setState({ isLoading: false, error });
      }
      return error as D;
    }
  }, [abort]);
  latest.current.revalidate = revalidate;

  const argsKey = JSON.stringify(args);
  useEffect(() => {
    if (execute) revalidate();
    else abort();
  }, [argsKey, execute, revalidate, abort]);
  // Unmounting abandons the call in flight.
  useEffect(() => () => void abort(), [abort]);

  const mutate = useCallback(
    async <V>(asyncUpdate?: Promise<V>, mutateOptions?: MutateOptions<D>): Promise<V | undefined> => {
      let before: D | undefined;
      if (mutateOptions?.optimisticUpdate) {
        // The call in flight must not overwrite the optimistic data.
        abort();
        const update = mutateOptions.optimisticUpdate;
        setState((previous) => {
          before = previous.data;
          return { ...previous, data: update(previous.data) };
        });
      }
      try {
        const result = await asyncUpdate;
        return result;
      } catch (error) {
        if (mutateOptions?.optimisticUpdate) setState((previous) => ({ ...previous, data: before }));
        throw error;
      } finally {
        if (mutateOptions?.shouldRevalidateAfter !== false) await revalidate();
      }
    },
    [revalidate, abort],
  );

  // Like the real hook: not executing is never loading.
  return { ...state, isLoading: execute ? state.isLoading : false, revalidate, mutate };
}

export function usePromise<T extends AsyncFn>(fn: T, args?: Parameters<T>, options?: PromiseOptions<T>) {
  return usePromiseState(fn, args ?? ([] as unknown as Parameters<T>), options, { isLoading: true });
}

/** Keeps the last result in the Cache (like the real hook), so a remount starts with it. */
export function useCachedPromise<T extends AsyncFn, U = undefined>(
  fn: T,
  args?: Parameters<T>,
  options?: PromiseOptions<T> & { initialData?: U; keepPreviousData?: boolean },
) {
  // The real hook's Cache: namespace from the function's source, key from the arguments.
  const key = hashOf(args ?? []);
  const cache = useRef(new Cache({ namespace: hashOf(fn) })).current;
  const cached = cache.get(key);
  const initialData = cached !== undefined ? (JSON.parse(cached) as Awaited<ReturnType<T>>) : options?.initialData;
  return usePromiseState(
    fn,
    args ?? ([] as unknown as Parameters<T>),
    options,
    { isLoading: true, data: initialData as Awaited<ReturnType<T>> | undefined },
    (data) => cache.set(key, JSON.stringify(data)),
  );
}

// ---------------------------------------------------------------------------
// State hooks

export function useCachedState<T>(
  key: string,
  initialState?: T,
  config?: { cacheNamespace?: string },
): [T, Dispatch<SetStateAction<T>>] {
  const cache = useRef(new Cache({ namespace: config?.cacheNamespace })).current;
  const read = (): T => {
    const raw = cache.get(key);
    return raw === undefined ? (initialState as T) : (JSON.parse(raw) as T);
  };
  const [value, setValue] = useState<T>(read);
  // Other components using the same key see the change, as with the real hook.
  useEffect(() => cache.subscribe((changed) => changed === key && setValue(read())), [key]);
  const set: Dispatch<SetStateAction<T>> = useCallback(
    (next) => {
      const resolved = typeof next === "function" ? (next as (previous: T) => T)(read()) : next;
      cache.set(key, JSON.stringify(resolved));
    },
    [key],
  );
  return [value, set];
}

export function useLocalStorage<T>(key: string, initialValue?: T) {
  const [state, setState] = useState<{ value: T | undefined; isLoading: boolean }>({
    value: undefined,
    isLoading: true,
  });
  useEffect(() => {
    let live = true;
    LocalStorage.getItem<string>(key).then((raw) => {
      if (live) setState({ value: raw === undefined ? initialValue : (JSON.parse(raw) as T), isLoading: false });
    });
    return () => {
      live = false;
    };
  }, [key]);
  const setValue = useCallback(
    async (value: T) => {
      setState({ value, isLoading: false });
      await LocalStorage.setItem(key, JSON.stringify(value));
    },
    [key],
  );
  const removeValue = useCallback(async () => {
    setState({ value: undefined, isLoading: false });
    await LocalStorage.removeItem(key);
  }, [key]);
  return { ...state, setValue, removeValue };
}

// ---------------------------------------------------------------------------
// AppleScript and caching

export interface AppleScriptCall {
  script: string;
  args: string[];
  options?: { humanReadableOutput?: boolean; language?: string; timeout?: number; signal?: AbortSignal };
}

type AppleScriptAnswer = string | Error | ((call: AppleScriptCall) => string | Promise<string>);

export async function runAppleScript(
  script: string,
  argsOrOptions?: string[] | AppleScriptCall["options"],
  maybeOptions?: AppleScriptCall["options"],
): Promise<string> {
  const args = Array.isArray(argsOrOptions) ? argsOrOptions : [];
  const options = Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions;
  const call: AppleScriptCall = { script, args, options };
  utilsMock.appleScripts.push(call);
  const answer = utilsMock.appleScriptAnswer;
  if (answer instanceof Error) throw answer;
  return typeof answer === "function" ? answer(call) : answer;
}

/**
 * Like the real one (@raycast/utils dist/module.js, withCache): entries live in
 * a Cache namespaced by the function's source, so they outlive the component,
 * the mount and the command launch; each holds its data and Date.now().
 */
export function withCache<Fn extends AsyncFn>(
  fn: Fn,
  options?: { maxAge?: number; validate?: (data: Awaited<ReturnType<Fn>>) => boolean },
): Fn & { clearCache: () => void } {
  const cache = new Cache({ namespace: hashOf(fn) });
  const cached = async (...args: Parameters<Fn>) => {
    const key = hashOf(args);
    const hit = cache.get(key);
    if (hit) {
      const { data, timestamp } = JSON.parse(hit) as { data: Awaited<ReturnType<Fn>>; timestamp: number };
      const expired = options?.maxAge && Date.now() - timestamp > options.maxAge;
      if (!expired && (!options?.validate || options.validate(data))) return data;
    }
    const data = await fn(...args);
    cache.set(key, JSON.stringify({ data, timestamp: Date.now() }));
    return data;
  };
  return Object.assign(cached as Fn, { clearCache: () => cache.clear() });
}

/** Stands in for the real hash (object-hash, sha1): equal for the same source or the same arguments. */
function hashOf(value: unknown): string {
  const text = typeof value === "function" ? `fn:${value.toString()}` : JSON.stringify(value ?? []);
  return createHash("sha1").update(text).digest("hex");
}

// ---------------------------------------------------------------------------
// Test controls

const utilsMock = {
  /** Every runAppleScript call, in order. */
  appleScripts: [] as AppleScriptCall[],
  /** What runAppleScript answers: a string, an Error to throw, or a function of the call. */
  appleScriptAnswer: "" as AppleScriptAnswer,
  reset(): void {
    utilsMock.appleScripts = [];
    utilsMock.appleScriptAnswer = "";
  },
};
apiMock.onReset(utilsMock.reset);

export const __mock = utilsMock;

// ---------------------------------------------------------------------------
// Conformance: tsc fails when a hook or helper here stops taking what the real
// one takes (node_modules/@raycast/utils/dist/types.d.ts).

type RealUtils = typeof import("@raycast/utils");
type TakesLike<T> = { [K in keyof T]?: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : never };

export const __conformance = {
  showFailureToast,
  usePromise,
  useCachedPromise,
  useCachedState,
  useLocalStorage,
  runAppleScript,
  withCache,
} satisfies TakesLike<RealUtils>;
