// WASI preview 1 for a tpy2wasm module in a browser (or Node), in plain JavaScript.
//
// A page has no files, so the module gets what `tpy2wasm compile` promises it needs and no more:
// argv, an environment, stdin given in full before the run, stdout/stderr handed to callbacks,
// clocks, randomness, and no pre-opened directories. Every other import the module has answers
// ENOSYS, so a new import in a future module degrades to an OSError instead of a link failure.

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOSYS: 52, NOTSUP: 58, SPIPE: 70 };
const CLOCK = { REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME: 2, THREAD_CPUTIME: 3 };
const EVENT = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 };
const SUBCLOCKFLAG_ABSTIME = 1;
// Non-tty stdio reads as filetype UNKNOWN, as wasmtime reports a pipe: CPython then buffers
// stdout and takes input() prompts from stdout, as `python3.11 app.py | ...` does.
const FILETYPE_UNKNOWN = 0;
const RIGHTS = { FD_READ: 1n << 1n, FD_FDSTAT_SET_FLAGS: 1n << 3n, FD_WRITE: 1n << 6n,
                 FD_FILESTAT_GET: 1n << 21n, POLL_FD_READWRITE: 1n << 27n };
const STDIN = 0, STDOUT = 1, STDERR = 2;
const MAX_RANDOM_CHUNK = 65536;  // crypto.getRandomValues refuses more at once

/** Thrown by proc_exit: unwinds the module; the loader turns it into an exit status. */
export class ProcExit extends Error {
  constructor(code) {
    super(`exit status ${code}`);
    this.code = code;
  }
}

const encoder = new TextEncoder();

/** WASI preview 1 for one instance: `imports(module)` for instantiation, then `bind(instance)`. */
export class Wasi {
  /**
   * @param {{args?: string[], env?: Record<string,string>, stdin?: Uint8Array|string,
   *          write?: (fd: number, text: string) => void}} options
   *   write receives decoded UTF-8 text for fd 1 (stdout) and 2 (stderr), in the order written.
   */
  constructor({ args = [], env = {}, stdin = new Uint8Array(), write = () => {} } = {}) {
    this.args = args.map((arg) => encoder.encode(`${arg}\0`));
    this.env = Object.entries(env).map(([key, value]) => encoder.encode(`${key}=${value}\0`));
    this.stdin = typeof stdin === "string" ? encoder.encode(stdin) : stdin;
    this.stdinOffset = 0;
    this.write = write;
    this.decoders = { [STDOUT]: new TextDecoder(), [STDERR]: new TextDecoder() };
    this.open = new Set([STDIN, STDOUT, STDERR]);
    this.memory = null;
  }

  /** Binds the instance's exported memory; call before running it. */
  bind(instance) {
    this.memory = instance.exports.memory;
  }

  /** Text a stream still holds as an incomplete UTF-8 sequence, once the module is done. */
  flush() {
    for (const [fd, decoder] of Object.entries(this.decoders)) {
      const rest = decoder.decode();
      if (rest) this.write(Number(fd), rest);
    }
  }

  /** The import object for `module`: our functions, and ENOSYS for every other WASI import. */
  imports(module) {
    const implemented = this.functions();
    const namespace = {};
    for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
      if (from !== "wasi_snapshot_preview1" || kind !== "function") continue;
      namespace[name] = implemented[name] ?? (() => ERRNO.NOSYS);
    }
    return { wasi_snapshot_preview1: namespace };
  }

  view() {
    return new DataView(this.memory.buffer);
  }

  bytes(pointer, length) {
    return new Uint8Array(this.memory.buffer, pointer, length);
  }

  functions() {
    return {
      args_sizes_get: (countOut, sizeOut) => this.sizes(this.args, countOut, sizeOut),
      args_get: (pointersOut, bufferOut) => this.strings(this.args, pointersOut, bufferOut),
      environ_sizes_get: (countOut, sizeOut) => this.sizes(this.env, countOut, sizeOut),
      environ_get: (pointersOut, bufferOut) => this.strings(this.env, pointersOut, bufferOut),
      fd_write: (fd, iovs, count, writtenOut) => this.fdWrite(fd, iovs, count, writtenOut),
      fd_read: (fd, iovs, count, readOut) => this.fdRead(fd, iovs, count, readOut),
      fd_fdstat_get: (fd, out) => this.fdstat(fd, out),
      fd_fdstat_set_flags: (fd) => (this.open.has(fd) ? ERRNO.NOTSUP : ERRNO.BADF),
      fd_filestat_get: (fd, out) => this.filestat(fd, out),
      fd_prestat_get: () => ERRNO.BADF,
      fd_prestat_dir_name: () => ERRNO.BADF,
      fd_seek: (fd) => (this.open.has(fd) ? ERRNO.SPIPE : ERRNO.BADF),
      fd_tell: (fd) => (this.open.has(fd) ? ERRNO.SPIPE : ERRNO.BADF),
      fd_sync: (fd) => (this.open.has(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
      fd_datasync: (fd) => (this.open.has(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
      fd_close: (fd) => (this.open.delete(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
      clock_res_get: (id, out) => this.clockRes(id, out),
      clock_time_get: (id, precision, out) => this.clockTime(id, out),
      random_get: (pointer, length) => this.random(pointer, length),
      poll_oneoff: (subscriptions, events, count, eventsOut) => this.poll(subscriptions, events, count, eventsOut),
      sched_yield: () => ERRNO.SUCCESS,
      proc_exit: (code) => {
        throw new ProcExit(code);
      },
    };
  }

  sizes(strings, countOut, sizeOut) {
    const view = this.view();
    view.setUint32(countOut, strings.length, true);
    view.setUint32(sizeOut, strings.reduce((total, string) => total + string.length, 0), true);
    return ERRNO.SUCCESS;
  }

  strings(strings, pointersOut, bufferOut) {
    const view = this.view();
    let cursor = bufferOut;
    strings.forEach((string, index) => {
      view.setUint32(pointersOut + 4 * index, cursor, true);
      this.bytes(cursor, string.length).set(string);
      cursor += string.length;
    });
    return ERRNO.SUCCESS;
  }

  /** The (pointer, length) pairs of an iovec array. */
  iovecs(iovs, count) {
    const view = this.view();
    return Array.from({ length: count }, (_, index) => [
      view.getUint32(iovs + 8 * index, true), view.getUint32(iovs + 8 * index + 4, true)]);
  }

  fdWrite(fd, iovs, count, writtenOut) {
    if ((fd !== STDOUT && fd !== STDERR) || !this.open.has(fd)) return ERRNO.BADF;
    let written = 0;
    let text = "";
    for (const [pointer, length] of this.iovecs(iovs, count)) {
      text += this.decoders[fd].decode(this.bytes(pointer, length), { stream: true });
      written += length;
    }
    if (text) this.write(fd, text);
    this.view().setUint32(writtenOut, written, true);
    return ERRNO.SUCCESS;
  }

  fdRead(fd, iovs, count, readOut) {
    if (fd !== STDIN || !this.open.has(fd)) return ERRNO.BADF;
    let read = 0;
    for (const [pointer, length] of this.iovecs(iovs, count)) {
      const chunk = this.stdin.subarray(this.stdinOffset, this.stdinOffset + length);
      this.bytes(pointer, chunk.length).set(chunk);
      this.stdinOffset += chunk.length;
      read += chunk.length;
      if (chunk.length < length) break;
    }
    this.view().setUint32(readOut, read, true);
    return ERRNO.SUCCESS;
  }

  fdstat(fd, out) {
    if (!this.open.has(fd)) return ERRNO.BADF;
    const view = this.view();
    const rights = (fd === STDIN ? RIGHTS.FD_READ : RIGHTS.FD_WRITE) | RIGHTS.FD_FDSTAT_SET_FLAGS
      | RIGHTS.FD_FILESTAT_GET | RIGHTS.POLL_FD_READWRITE;
    view.setUint8(out, FILETYPE_UNKNOWN);
    view.setUint16(out + 2, 0, true);
    view.setBigUint64(out + 8, rights, true);
    view.setBigUint64(out + 16, 0n, true);
    return ERRNO.SUCCESS;
  }

  /** CPython checks its standard streams with fstat at start-up: without an answer they are None. */
  filestat(fd, out) {
    if (!this.open.has(fd)) return ERRNO.BADF;
    this.bytes(out, 64).fill(0);
    this.view().setUint8(out + 16, FILETYPE_UNKNOWN);
    return ERRNO.SUCCESS;
  }

  clockRes(id, out) {
    if (!Object.values(CLOCK).includes(id)) return ERRNO.INVAL;
    this.view().setBigUint64(out, 1000n, true);
    return ERRNO.SUCCESS;
  }

  clockTime(id, out) {
    const now = nanoseconds(id);
    if (now === null) return ERRNO.INVAL;
    this.view().setBigUint64(out, now, true);
    return ERRNO.SUCCESS;
  }

  random(pointer, length) {
    for (let offset = 0; offset < length; offset += MAX_RANDOM_CHUNK) {
      crypto.getRandomValues(this.bytes(pointer + offset, Math.min(MAX_RANDOM_CHUNK, length - offset)));
    }
    return ERRNO.SUCCESS;
  }

  /**
   * time.sleep and select() land here. stdin is always ready (its bytes are all there), so an
   * fd subscription fires at once; otherwise the earliest clock deadline is waited for by
   * spinning: the module runs synchronously, and there is nothing else it could wait on.
   */
  poll(subscriptions, events, count, eventsOut) {
    const view = this.view();
    const ready = [];
    let deadline = null;
    let earliest = null;
    for (let index = 0; index < count; index += 1) {
      const base = subscriptions + 48 * index;
      const userdata = view.getBigUint64(base, true);
      const tag = view.getUint8(base + 8);
      if (tag === EVENT.CLOCK) {
        const clock = view.getUint32(base + 16, true);
        const timeout = view.getBigUint64(base + 24, true);
        const absolute = (view.getUint16(base + 40, true) & SUBCLOCKFLAG_ABSTIME) !== 0;
        const now = nanoseconds(clock);
        if (now === null) {
          ready.push({ userdata, tag, error: ERRNO.INVAL });
          continue;
        }
        const wait = absolute ? timeout - now : timeout;
        if (deadline === null || wait < deadline) {
          deadline = wait;
          earliest = { userdata, tag, error: ERRNO.SUCCESS, clock, until: now + wait };
        }
      } else {
        const fd = view.getUint32(base + 16, true);
        const usable = tag === EVENT.FD_READ ? fd === STDIN : fd === STDOUT || fd === STDERR;
        const pending = tag === EVENT.FD_READ ? BigInt(this.stdin.length - this.stdinOffset) : 0n;
        ready.push({ userdata, tag, error: usable && this.open.has(fd) ? ERRNO.SUCCESS : ERRNO.BADF, pending });
      }
    }
    if (ready.length === 0 && earliest !== null) {
      while (nanoseconds(earliest.clock) < earliest.until) { /* spin: see above */ }
      ready.push(earliest);
    }
    ready.forEach((event, index) => {
      const base = events + 32 * index;
      this.bytes(base, 32).fill(0);
      view.setBigUint64(base, event.userdata, true);
      view.setUint16(base + 8, event.error, true);
      view.setUint8(base + 10, event.tag);
      if (event.tag !== EVENT.CLOCK) view.setBigUint64(base + 16, event.pending, true);
    });
    view.setUint32(eventsOut, ready.length, true);
    return ERRNO.SUCCESS;
  }
}

/** A clock's time in nanoseconds, or null for a clock WASI does not have. */
function nanoseconds(clock) {
  switch (clock) {
    case CLOCK.REALTIME:
      return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
    case CLOCK.MONOTONIC:
    case CLOCK.PROCESS_CPUTIME:
    case CLOCK.THREAD_CPUTIME:
      return BigInt(Math.round(performance.now() * 1e6));
    default:
      return null;
  }
}
