#!/usr/bin/python3
"""Execute Jupyter notebooks headlessly with the repository's Deno kernel.

    /usr/bin/python3 scripts/run-notebooks.py --out DIR [--jobs 2] NOTEBOOK...

Writes each executed notebook to DIR/<name>.ipynb (errors are kept in the
notebook, not raised, so a checker can report every failing cell) and prints
one JSON line per notebook: {"notebook", "output", "seconds", "error"}.
Exit status 0 when every notebook ran to the end (cell errors included),
1 when a kernel could not start or died.

Needs nbclient, nbformat and jupyter_client (Debian: python3-nbclient); call
it with Debian's /usr/bin/python3, not a pyenv python that cannot see them.
The kernelspec is the repository's own `kernels/deno/kernel.json`, found
through JUPYTER_PATH; `deno` comes from node_modules/.bin.
"""
import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Set before jupyter_client reads its paths.
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    [str(ROOT)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
)
os.environ["PATH"] = os.pathsep.join([str(ROOT / "node_modules" / ".bin"), os.environ.get("PATH", "")])
os.environ.setdefault("NO_COLOR", "1")
os.environ.setdefault("DENO_NO_UPDATE_CHECK", "1")
os.environ.setdefault("TZ", "Europe/Oslo")
# Connection files go to a private folder that is removed at exit.
RUNTIME_DIR = tempfile.mkdtemp(prefix="aktivitetsmodell-jupyter-")
os.environ["JUPYTER_RUNTIME_DIR"] = RUNTIME_DIR
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionComplete  # noqa: E402
from nbclient.util import ensure_async  # noqa: E402
from queue import Empty  # noqa: E402


class DenoNotebookClient(NotebookClient):
    """Keeps reading a cell's output for a short grace period after `idle`.

    Deno's kernel sometimes publishes `status: idle` before the cell's last
    display or stream message; stock nbclient stops at idle and drops it.
    Measured here, such late messages came within 1 ms of `idle` (7 in 15
    notebook runs under load); the grace is 250 times that, and each cell
    pays it once. AKTIVITET_KERNEL_GRACE (seconds) overrides it.
    """

    grace_seconds = float(os.environ.get("AKTIVITET_KERNEL_GRACE", "0.25"))

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                break
        # Late messages of this cell: take them until the channel is quiet.
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.grace_seconds))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass


async def run_one(path: Path, out_dir: Path, limit: asyncio.Semaphore) -> dict:
    async with limit:
        started = time.monotonic()
        nb = nbformat.read(path, as_version=4)
        client = DenoNotebookClient(
            nb,
            kernel_name="deno",
            timeout=180,
            startup_timeout=60,
            allow_errors=True,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        output = out_dir / path.name
        error = None
        try:
            await client.async_execute()
        except Exception as exc:  # a dead or unstartable kernel, a timeout
            error = f"{type(exc).__name__}: {exc}"
        nbformat.write(nb, output)
        return {
            "notebook": str(path),
            "output": str(output),
            "seconds": round(time.monotonic() - started, 2),
            "error": error,
        }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="folder for the executed notebooks")
    parser.add_argument("--jobs", type=int, default=3, help="notebooks run at once (default 3)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    limit = asyncio.Semaphore(max(1, args.jobs))
    results = await asyncio.gather(*(run_one(p.resolve(), args.out, limit) for p in args.notebooks))
    for result in results:
        print(json.dumps(result), flush=True)
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    try:
        status = asyncio.run(main())
    finally:
        shutil.rmtree(RUNTIME_DIR, ignore_errors=True)
    sys.exit(status)
