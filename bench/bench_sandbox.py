"""Load test of the sandbox: N clients x M SIPs over mutual TLS on 127.0.0.1.

    .venv/bin/python bench/bench_sandbox.py [--clients 20] [--sips 5] [--sip PATH]

Starts ``python -m app.sae.sandbox`` in a subprocess (temporary folder, any free port), sends the SIPs
with the real client (upload, polling, ATR), and prints the throughput and the server's peak RSS
(VmHWM from /proc). Bounded: every request has a timeout and the server is always stopped.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("LIASSE_SHARED", ROOT.parent / "shared")) / "corpus"
DEFAULT_SIP = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_SIP_test_differentes_langues.zip"


def peak_rss_kib(pid: int) -> int:
    """VmHWM of a process (Linux), in KiB."""
    text = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) if match else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--sips", type=int, default=5, help="SIPs per client")
    parser.add_argument("--sip", type=Path, default=DEFAULT_SIP)
    parser.add_argument("--workers", type=int, default=2, help="server processing threads")
    args = parser.parse_args()

    from app.sae.client import Timeouts, send_sip
    from app.sae.history import History
    from app.sae.targets import Target

    with tempfile.TemporaryDirectory(prefix="liasse-bench-") as tmp:
        env = dict(os.environ)
        if "LIASSE_SCHEMA_DIR" not in env and (CORPUS / "seda" / "xsd").is_dir():
            from app.seda import schemas

            store = Path(tmp) / "schemas"
            schemas.install(CORPUS / "seda" / "xsd", store)
            env["LIASSE_SCHEMA_DIR"] = str(store)
        os.environ.update({k: v for k, v in env.items() if k == "LIASSE_SCHEMA_DIR"})
        server = subprocess.Popen(
            [sys.executable, "-m", "app.sae.sandbox", "--folder", str(Path(tmp) / "sb"), "--port", "0",
             "--trainee", "bench", "--quiet", "--workers", str(args.workers), "--max-connections", "32"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            url = None
            deadline = time.monotonic() + 30
            while url is None and time.monotonic() < deadline:
                line = server.stdout.readline()
                if not line:
                    break
                match = re.search(r"listening on (https://\S+)", line)
                url = match.group(1) if match else None
            if url is None:
                print("The sandbox did not start.", file=sys.stderr)
                return 2
            pki = Path(tmp) / "sb" / "pki"
            target = Target("bench", url, url, certificate=str(pki / "clients" / "bench.pem"),
                            key=str(pki / "clients" / "bench-key.pem"), ca_bundle=str(pki / "ca.pem"))
            history = History(Path(tmp) / "history")
            timeouts = Timeouts(connect=10, read=120, poll_interval=0.2, poll_max_interval=1, poll_total=300)

            def client(_: int) -> list[str]:
                return [send_sip(target, args.sip, history=history, timeouts=timeouts).status
                        for _ in range(args.sips)]

            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                statuses = [s for batch in pool.map(client, range(args.clients)) for s in batch]
            elapsed = time.monotonic() - started
            size = args.sip.stat().st_size * len(statuses)
            print(f"{len(statuses)} SIPs ({args.clients} clients x {args.sips}) in {elapsed:.1f} s: "
                  f"{len(statuses) / elapsed:.1f} SIP/s, {size / elapsed / 1e6:.1f} MB/s uploaded")
            print("outcomes: " + ", ".join(f"{s}={statuses.count(s)}" for s in sorted(set(statuses))))
            print(f"server peak RSS: {peak_rss_kib(server.pid) / 1024:.1f} MiB")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
