// The usePromise mock against the real hook (node_modules/@raycast/utils/dist/
// module.js) for what the views rely on: latest call wins, `abortable`,
// `onWillExecute`, `onData`, `onError`, the default failure toast with its
// Retry, and `execute`.
import { Detail, Toast } from "@raycast/api";
import { usePromise } from "@raycast/utils";
import { act, useRef, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { __mock } from "./raycast-api";
import { render } from "../support/render";

interface Options {
  execute?: boolean;
  onWillExecute?: () => void;
  onData?: (data: string) => void | Promise<void>;
  onError?: (error: Error) => void | Promise<void>;
}
let api: { revalidate: () => Promise<unknown> } | undefined;

function Loader(props: { fn: (signal?: AbortSignal) => Promise<string>; options?: Options; abortable?: boolean }) {
  const abortable = useRef<AbortController>(null);
  const { isLoading, data, error, revalidate } = usePromise(() => props.fn(abortable.current?.signal), [], {
    ...props.options,
    ...(props.abortable ? { abortable } : {}),
  });
  api = { revalidate };
  return <Detail isLoading={isLoading} markdown={data ?? error?.message ?? ""} />;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => {
  api = undefined;
  __mock.reset();
});

describe("usePromise mock, as the real hook", () => {
  it("a newer call wins: the older one's answer never lands, and abortable aborts it", async () => {
    const calls: Array<{ signal?: AbortSignal; answer: ReturnType<typeof deferred<string>> }> = [];
    const h = await render(
      <Loader
        abortable
        fn={(signal) => {
          const answer = deferred<string>();
          calls.push({ signal, answer });
          return answer.promise;
        }}
      />,
    );
    void api!.revalidate();
    await h.waitFor(() => calls.length === 2);
    expect(calls[0].signal?.aborted).toBe(true);
    expect(calls[1].signal?.aborted).toBe(false);
    calls[1].answer.resolve("new");
    await h.waitFor(() => !h.isLoading());
    calls[0].answer.resolve("old");
    await new Promise((r) => setTimeout(r, 10));
    expect(h.detail()?.markdown).toBe("new");
    await h.unmount();
    expect(calls[1].signal?.aborted).toBe(true);
  });

  it("onWillExecute runs before the function, each call", async () => {
    const order: string[] = [];
    const h = await render(
      <Loader options={{ onWillExecute: () => order.push("will") }} fn={async () => (order.push("fn"), "x")} />,
    );
    await h.waitFor(() => !h.isLoading());
    await api!.revalidate();
    expect(order).toEqual(["will", "fn", "will", "fn"]);
    await h.unmount();
  });

  it("onData is not waited for: revalidate resolves with the data while onData is still running", async () => {
    const h = await render(<Loader options={{ onData: () => new Promise(() => undefined) }} fn={async () => "x"} />);
    await h.waitFor(() => !h.isLoading());
    const settled = await Promise.race([api!.revalidate(), new Promise((r) => setTimeout(() => r("hung"), 200))]);
    expect(settled).toBe("x");
    await h.unmount();
  });

  it("an onError that throws is caught: the call resolves with the error and stops loading", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const h = await render(
      <Loader
        options={{
          onError: () => {
            throw new Error("onError broke");
          },
        }}
        fn={async () => Promise.reject(new Error("nope"))}
      />,
    );
    await h.waitFor(() => !h.isLoading());
    expect(h.detail()?.markdown).toBe("nope");
    await expect(api!.revalidate()).resolves.toMatchObject({ message: "nope" });
    expect(__mock.toasts).toEqual([]);
    expect(logged).toHaveBeenCalledWith("The onError callback failed", expect.any(Error));
    logged.mockRestore();
    await h.unmount();
  });

  it("the default failure toast says 'Failed to fetch latest data' and its Retry runs the call again", async () => {
    let calls = 0;
    const h = await render(<Loader fn={async () => (++calls === 1 ? Promise.reject(new Error("nope")) : "ok")} />);
    await h.waitFor(() => __mock.lastToast()?.style === Toast.Style.Failure);
    const toast = __mock.toastObjects.get(__mock.lastToast()!.id)!;
    expect(__mock.lastToast()).toMatchObject({ title: "Failed to fetch latest data", message: "nope" });
    expect(toast.primaryAction?.title).toBe("Retry");
    toast.primaryAction?.onAction?.(toast as never); // the mock Toast stands in for the real one
    await h.waitFor(() => h.detail()?.markdown === "ok");
    expect(calls).toBe(2);
    await h.unmount();
  });

  it("execute: false never loads, even when it turns off during a call", async () => {
    let turnOff = () => {};
    function Switchable() {
      const [execute, setExecute] = useState(true);
      turnOff = () => setExecute(false);
      return <Loader fn={() => new Promise<string>(() => undefined)} options={{ execute }} />;
    }
    const h = await render(<Switchable />);
    expect(h.isLoading()).toBe(true);
    await act(async () => turnOff());
    expect(h.isLoading()).toBe(false);
    await h.unmount();
  });
});
