# time.sleep waits at least as long as asked (WASI poll_oneoff on a clock), and the clocks move on.
import time

start_wall, start_mono, start_perf = time.time(), time.monotonic(), time.perf_counter()
for seconds in (0, 0.001, 0.05):
    before = time.monotonic()
    time.sleep(seconds)
    print(f"sleep({seconds}) waited long enough:", time.monotonic() - before >= seconds)
print("monotonic moved:", time.monotonic() > start_mono)
print("perf_counter moved:", time.perf_counter() > start_perf)
print("wall clock is after 2020 and moved:", 1577836800 < start_wall < time.time())
print("time_ns agrees with time:", abs(time.time_ns() / 1e9 - time.time()) < 1)
print("process_time is not negative:", time.process_time() >= 0)
try:
    time.sleep(-1)
except ValueError as error:
    print("ValueError:", error)
