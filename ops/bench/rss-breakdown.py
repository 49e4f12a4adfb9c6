#!/usr/bin/env python3
# Resident memory of a running JVM by Native Memory Tracking category: NMT's own figures are
# committed memory, not resident, so this matches NMT detail's reserved regions against the
# process's /proc/<pid>/smaps and sums Rss per category; the rest is named by its mapping (files)
# or counted as anonymous memory outside NMT's mmaps (glibc malloc arenas: the JVM's malloc, which
# NMT's malloc total shows, plus SQLite, zlib and other native code).
# Usage: the JVM started with -XX:NativeMemoryTracking=detail; rss-breakdown.py <pid> (jcmd on PATH).
import bisect, collections, re, subprocess, sys

pid = sys.argv[1]
out = subprocess.run(["jcmd", pid, "VM.native_memory", "detail"], capture_output=True, text=True).stdout
regions = []
for m in re.finditer(r"^\[(0x[0-9a-f]+) - (0x[0-9a-f]+)\] reserved \d+KB for ([^\n]+?) from", out, re.M):
    cat = m.group(3).strip()
    regions.append((int(m.group(1), 16), int(m.group(2), 16), cat))
regions.sort()
mal = re.search(r"malloc: (\d+)(\w+)", out)
res = collections.Counter()
cur = None
starts = [r[0] for r in regions]
def cat_of(a, b):
    i = bisect.bisect_right(starts, a) - 1
    if i >= 0 and regions[i][0] <= a < regions[i][1]:
        return regions[i][2]
    return None
with open(f"/proc/{pid}/smaps") as f:
    for line in f:
        m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$", line)
        if m:
            a, b, name = int(m.group(1), 16), int(m.group(2), 16), m.group(3).strip()
            cur = cat_of(a, b)
            if cur is None:
                if name.startswith("/"):
                    cur = "file:" + name.split("/")[-1]
                elif name == "":
                    cur = "anon (malloc arenas / native libs, not NMT mmap)"
                else:
                    cur = name
            continue
        if line.startswith("Rss:"):
            res[cur] += int(line.split()[1])
tot = sum(res.values())
print(f"RSS total {tot//1024} MB; NMT malloc total {mal.group(1)}{mal.group(2)}")
for k, v in res.most_common(25):
    if v >= 512: print(f"  {v//1024:5d} MB  {k}")
