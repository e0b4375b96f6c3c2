"""JupyterLab in the project's environment runs the notebooks through its kernel API.

Starts ``jupyter lab`` (what ``make lab`` starts) on 127.0.0.1 with a random free port and a
token, its Jupyter folders in a temporary directory; opens a notebook session over the REST
API; sends each code cell of a notebook to the kernel over the kernel's websocket (the
Jupyter messaging protocol, as JupyterLab's own front end does); compares what comes back
with the notebook's stored outputs; shuts everything down. Every wait is bounded.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "validation.ipynb"
START_TIMEOUT = 90
CELL_TIMEOUT = 120

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """A running JupyterLab server: (base URL, token). Stopped and waited for afterwards."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        env[var] = str(tmp_path / sub)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.setdefault("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    env.setdefault("PYTHONHASHSEED", "0")
    env.pop("KB_ROOT", None)  # the kernel finds the project from its working directory
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT / 'notebooks'}",
        "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "lab.log", "w+", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=str(tmp_path), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read()[-3000:]}")
            try:
                if requests.get(f"{base}/api/status", headers=auth(token), timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer on {base} within {START_TIMEOUT} s")
            time.sleep(0.3)
        yield base, token
    finally:
        try:
            requests.post(f"{base}/api/shutdown", headers=auth(token), timeout=5)
        except requests.RequestException:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        log.close()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"token {token}"}


def test_lab_serves_jupyterlab_and_the_projects_kernel(lab):
    base, token = lab
    assert requests.get(f"{base}/lab", headers=auth(token), timeout=10).status_code == 200
    specs = requests.get(f"{base}/api/kernelspecs", headers=auth(token), timeout=10).json()
    assert "python3" in specs["kernelspecs"]
    # the token is required: nothing is served without it
    assert requests.get(f"{base}/api/sessions", timeout=10).status_code == 403


def test_a_notebook_runs_through_the_kernel_api(lab):
    import websocket

    base, token = lab
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    r = requests.post(f"{base}/api/sessions", headers=auth(token), timeout=60,
                      json={"path": NOTEBOOK, "name": NOTEBOOK, "type": "notebook", "kernel": {"name": "python3"}})
    assert r.status_code == 201, r.text
    session = r.json()
    kernel_id = session["kernel"]["id"]
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
        header=[f"Authorization: token {token}"], timeout=CELL_TIMEOUT)
    try:
        checked = 0
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            outputs, reply = execute(ws, cell.source)
            assert reply["status"] == "ok", reply
            assert not [o for o in outputs if o["msg_type"] == "error"]
            if "# NBVAL_IGNORE_OUTPUT" in cell.source.splitlines():
                continue
            assert plain(outputs) == plain_stored(cell.outputs), cell.source
            checked += 1
        assert checked >= 3
    finally:
        ws.close()
        requests.delete(f"{base}/api/sessions/{session['id']}", headers=auth(token), timeout=30)
    kernels = requests.get(f"{base}/api/kernels", headers=auth(token), timeout=10).json()
    assert kernel_id not in {k["id"] for k in kernels}


def execute(ws, code: str) -> tuple[list[dict], dict]:
    """Send one execute_request over the kernel websocket; collect its outputs and reply."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": msg_id,
                   "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    outputs, reply, idle = [], None, False
    deadline = time.monotonic() + CELL_TIMEOUT
    while reply is None or not idle:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no reply within {CELL_TIMEOUT} s to {code[:60]!r}")
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_reply":
            reply = msg["content"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        elif kind in ("stream", "execute_result", "display_data", "error"):
            outputs.append({"msg_type": kind, **msg["content"]})
    return outputs, reply


def plain(outputs: list[dict]) -> list[str]:
    """What a reader sees as text: streams and text/plain representations, in order."""
    out = []
    for o in outputs:
        if o["msg_type"] == "stream":
            out.append(o["text"])
        elif "data" in o and "text/plain" in o["data"]:
            out.append(o["data"]["text/plain"])
    return out


def plain_stored(outputs) -> list[str]:
    out = []
    for o in outputs:
        if o.output_type == "stream":
            out.append(o.text)
        elif "data" in o and "text/plain" in o.data:
            out.append(o.data["text/plain"])
    return out
