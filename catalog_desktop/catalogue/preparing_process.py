"""The preparing half of a large import in a second process, overlapping with the store.

Reading, parsing and deriving (:func:`preparing.prepared_items`) never touch the database and
take about half of an import's CPU time; storing takes the other half. With a core to spare
they overlap: a child process prepares records while this process stores the previous ones,
so the import runs at the pace of the slower half instead of the sum of both. What crosses
over is :class:`preparing.Prepared`: plain tuples, pickled a chunk at a time (a few
microseconds a record each way).

* Only when two cores are idle (:func:`spare_core`): on a machine whose cores are busy the
  two halves cannot overlap, and the crossing costs more than it saves (measured on a shared
  2-core machine under load 5-6: 0.35x pymarc against 0.42x in one process). On an idle
  2-core machine the import ran 1.6 times as fast (11,500 against 7,300 records a second).
* The child is ``python -m catalog_desktop.catalogue.preparing_process`` with a pipe on its
  stdout, not a ``multiprocessing`` child: that one would re-run the caller's main script
  (spawn) or copy a GUI process with its threads (fork). If this process dies, even by
  SIGKILL, the child's next write fails and it exits. All transaction logic stays here, so a
  killed import leaves whole batches in the catalogue, exactly as with one process.
* The pipe is widened (Linux) to hold a batch or more, so the child runs ahead while this
  process is busy in SQLite; the kernel buffer bounds how far, so memory stays bounded.
  Where the pipe cannot be widened (Windows, macOS) the records are prepared in-process.
* Small files are prepared in-process (:data:`MIN_FILE_SIZE`): starting the child costs a
  few tenths of a second. So are frozen builds (no ``python -m`` there). If the child cannot
  start, or dies, the import goes on in-process from the first record it did not deliver:
  same records, same order, same results.
"""

from __future__ import annotations

import itertools
import os
import pickle
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO, Iterator

import catalog_desktop
from catalog_desktop.catalogue.preparing import Item, ReaderFailed, collecting_rarely, prepared_items

# Below this size a file is prepared in-process (about 4,000 Open Vlacc records).
MIN_FILE_SIZE = 4 << 20
# A second process only when two cores are idle: measured for IDLE_SAMPLE seconds (this
# process sleeps meanwhile), allowing IDLE_MARGIN of a core for daemons and measuring noise.
IDLE_SAMPLE = 0.1
IDLE_MARGIN = 0.3
CHUNK = 100  # records per message (~180 KB): pickling stays cheap, the first one comes soon
# Pipe sizes to ask for, largest first: how far the child may run ahead of the store (4 MB is
# about 2,000 records; 1 MB, the usual limit without privileges, still more than a batch).
PIPE_SIZES = (4 << 20, 1 << 20)
_HEADER = struct.Struct("<Q")
_DONE, _FAILED = "done", "failed"


def in_second_process(path: Path, profile) -> bool:
    """Whether :func:`prepared_items_anywhere` will prepare this file in a second process."""
    try:
        large = path.stat().st_size >= MIN_FILE_SIZE
    except OSError:
        return False  # the in-process reader reports it
    usable = getattr(profile, "path", None) is not None and not getattr(sys, "frozen", False)
    return large and usable and sys.platform.startswith("linux") and spare_core()


def prepared_items_anywhere(path: Path, profile, second_process: bool) -> Iterator[Item]:
    """:func:`preparing.prepared_items`, from a child process if ``second_process``."""
    return _from_child(path, profile) if second_process else prepared_items(path, profile)


def spare_core() -> bool:
    """True when two of the cores this process may run on are idle now (this process and its
    child will keep them busy), measured over :data:`IDLE_SAMPLE` seconds from /proc/stat.

    Not the load average: it decays over a minute, so right after a large import (two busy
    processes) it would still say the machine is busy when it is idle."""
    try:
        cores = sorted(os.sched_getaffinity(0))
    except AttributeError:
        return False
    if len(cores) < 2:
        return False
    before = _cpu_times(cores)
    time.sleep(IDLE_SAMPLE)
    after = _cpu_times(cores)
    if not before or not after:
        return False
    idle = total = 0
    for cpu, (busy1, idle1) in after.items():
        busy0, idle0 = before.get(cpu, (busy1, idle1))
        idle += idle1 - idle0
        total += (busy1 - busy0) + (idle1 - idle0)
    return total > 0 and idle / total * len(cores) >= 2 - IDLE_MARGIN


def _cpu_times(cores: list[int]) -> dict[int, tuple[int, int]]:
    """Per CPU: (busy, idle) clock ticks since boot, from /proc/stat; {} where unreadable."""
    wanted = {f"cpu{n}": n for n in cores}
    out = {}
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                name, _, rest = line.partition(" ")
                if name in wanted:
                    ticks = [int(x) for x in rest.split()[:8]]  # user nice system idle iowait irq softirq steal
                    idle = ticks[3] + ticks[4]
                    out[wanted[name]] = (sum(ticks) - idle, idle)
    except (OSError, ValueError, IndexError):
        return {}
    return out


def _child_command(path: Path, profile) -> tuple[list[str], dict]:
    # The child imports this very copy of the package, whatever sys.path tricks the caller used.
    package_root = str(Path(catalog_desktop.__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", __name__, str(path), str(profile.path), profile.hash]
    return command, env


def _from_child(path: Path, profile) -> Iterator[Item]:
    command, env = _child_command(path, profile)
    try:
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=env)
    except OSError:  # cannot start processes here: prepare in-process
        yield from prepared_items(path, profile)
        return
    delivered = 0
    try:
        if not _widen_pipe(child.stdout):
            # A small pipe would keep the child in lockstep with the store: no overlap, only
            # the cost of the crossing. Prepare in-process instead.
            child.kill()
            yield from prepared_items(path, profile)
            return
        while True:
            message = _receive(child.stdout)
            if message is None:  # the child ended without saying it was done
                break
            items, status = pickle.loads(message)
            for item in items:
                yield item
                delivered += 1
            if status is None:
                continue
            if status[0] == _DONE:
                return
            raise ReaderFailed(status[1], status[2])
        # Carry on in-process from the first record the child did not deliver.
        yield from itertools.islice(prepared_items(path, profile), delivered, None)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()


def _widen_pipe(stream) -> bool:
    """Let the pipe hold a whole batch or more, so the child runs ahead while we store.

    Linux only (F_SETPIPE_SZ); elsewhere pipes are a few KB and the caller prepares
    in-process. No thread reads the pipe for us: a second thread here would have to take
    the GIL between SQLite calls, and on a busy machine that stalled the store.
    """
    try:
        import fcntl

        setsize = fcntl.F_SETPIPE_SZ  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return False
    for size in PIPE_SIZES:
        try:
            return fcntl.fcntl(stream.fileno(), setsize, size) >= PIPE_SIZES[-1]
        except OSError:
            continue  # above this system's limit for us: try the next
    return False


def _receive(stream: BinaryIO) -> bytes | None:
    """One length-prefixed message, or None when the child closed its end."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    message = stream.read(size)
    return message if len(message) == size else None


def _send(out: BinaryIO, items: list, status) -> None:
    data = pickle.dumps((items, status), pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)))
    out.write(data)
    out.flush()


def main(argv: list[str]) -> None:
    """The child: prepare every record of the file, send them in chunks, then a status."""
    import signal

    from catalog_desktop.marc.mapping import load_profile

    # Ctrl-C reaches the whole process group: the parent cancels cleanly and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The messages get the real stdout to themselves; a stray print goes to stderr.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    path, profile_path, profile_hash = argv
    chunk: list = []
    try:
        try:
            profile = load_profile(profile_path)
            if profile.hash != profile_hash:
                raise ReaderFailed("failed", f"the field profile {profile_path} changed during the import")
            with collecting_rarely():  # as in the importing process: see there why
                for item in prepared_items(Path(path), profile):
                    chunk.append(item)
                    if len(chunk) >= CHUNK:
                        _send(out, chunk, None)
                        chunk = []
        except ReaderFailed as exc:
            _send(out, chunk, (_FAILED, exc.kind, str(exc)))
        else:
            _send(out, chunk, (_DONE,))
        out.close()
    except OSError:
        pass  # the import stopped (cancelled, failed, or killed): nobody is listening


if __name__ == "__main__":
    main(sys.argv[1:])
