#!/usr/bin/env python
"""Bad files through ``import_articles``: each gets a clear error naming it, the good file
beside it is still read, and time and memory stay bounded.

    .venv/bin/python benchmarks/bad_input.py [--keep]

Each case runs the real command (``--dry-run``, so no database is needed) in a process of its
own on the bad file and a good seed article, and prints its exit status, seconds, peak
resident memory, whether the good article was read, and the line the report gives the bad
file. The baseline is the good article alone, measured in the same run.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_browser-copy-port-expansion.txt"
PARAGRAPH = (
    "The council said on Tuesday that the ferry would keep running through the winter, "
    "after a year of complaints from the people who use it every day.\n\n"
)


def cases(folder):
    """(label, path) for each bad input, written into ``folder``."""
    rng = random.Random(5)
    made = {
        "empty": ("empty.txt", b""),
        "random bytes, 1 MB": ("random.txt", rng.randbytes(1 << 20)),
        "a PNG named .txt": ("photo.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(50_000)),
        "a PDF named .html": ("report.html", b"%PDF-1.7\n" + rng.randbytes(50_000)),
        "text, 50 MB": ("huge.txt", ("Ferry plan\n\n" + PARAGRAPH * 240_000).encode()),
        "one 10 MB line": ("line.txt", ("Ferry plan\n\n" + "word " * 2_000_000).encode()),
        "HTML 100k deep": ("deep.html", b"<h1>Ferry plan</h1>" + b"<div>" * 100_000 + b"x"),
        "invalid UTF-8": (
            "invalid.txt",
            b"Ferry plan\n\n" + b"\xff\xfe\xc3\x28 \xed\xa0\x80" * 500,
        ),
        "UTF-16 without BOM": ("utf16.txt", ("Ferry plan\n\n" + PARAGRAPH * 5).encode("utf-16-le")),
        "a name with a newline": ("two\nlines.txt", b"x"),
        "a name not in UTF-8": (os.fsdecode(b"caf\xe9.txt"), b"x"),
    }
    for label, (name, data) in made.items():
        (folder / name).write_bytes(data)
        yield label, folder / name
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Ferry plan\n\n" + PARAGRAPH)
    unreadable.chmod(0)
    yield "unreadable" + (" (root reads it anyway)" if os.geteuid() == 0 else ""), unreadable
    loop = folder / "loop.txt"
    loop.symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(loop)
    yield "a symbolic link loop", loop
    yield "missing", folder / "missing.txt"


def run(*paths):
    """(exit status, seconds, peak RSS in MB, stdout, stderr) of one dry run."""
    command = [sys.executable, "manage.py", "import_articles", "--dry-run", "--no-progress"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [*command, *map(str, paths)], cwd=ROOT / "example_site", stdout=out, stderr=err
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0), err.seek(0)
        stdout, stderr = (f.read().decode("utf-8", "replace") for f in (out, err))
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024, stdout, stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsroom-bad-input-"))
    good = folder / "good.txt"
    shutil.copy(SEED, good)
    _code, base_time, base_rss, _out, _err = run(good)
    print(f"baseline, the good file alone: {base_time:.2f} s, {base_rss:.0f} MB")
    print(f"{'case':<34} {'exit':>4} {'s':>6} {'×':>5} {'MB':>5} {'good':>4}  report")
    worst = 0.0
    for label, path in cases(folder):
        code, elapsed, rss, stdout, stderr = run(path, good)
        worst = max(worst, elapsed)
        read_good = "good.txt: “" in stdout
        report = next((line for line in stderr.splitlines() if folder.name in line), "")
        report = report.replace(str(folder) + "/", "")
        print(
            f"{label:<34} {code:>4} {elapsed:>6.2f} {elapsed / base_time:>5.1f} {rss:>5.0f} "
            f"{'yes' if read_good else 'NO':>4}  {report[:90]}"
        )
    print(f"largest time: {worst:.2f} s")
    if options.keep:
        print(f"files kept in {folder}")
    else:
        (folder / "unreadable.txt").chmod(0o600)
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
