"""Runs the lab's exported notebooks and scripts with real PyTorch and checks their tables.

Usage (after `cargo test --test export_notebook`, which writes the exports):
    python tests/data/check_export.py target/tmp/export

For each case in cases.json it validates the .ipynb with nbformat, runs the .py as a plain
script (matplotlib's Agg backend, in a scratch folder) and compares its printed table
(iteration, w, b, cost) with an independent expectation:
  - "default": the records of tests/data/pytorch_trajectories.json (PyTorch, float32);
  - where the case carries the lab's own table (lab_records), that table too;
  - the others: a float64 numpy implementation, below, of the torch.optim update rules
    (see the table in the project's notes) with DataLoader-order batches.
Agreement is |ours - expected| / max(|expected|, 0.01) <= 1e-4 on every value.
"""

import ast
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import numpy as np

HERE = Path(__file__).resolve().parent
TOLERANCE = 1e-4


def cost_and_grad(w, b, x, y):
    r = w * x + b - y
    return np.mean(r * r), 2 * np.mean(r * x), 2 * np.mean(r)


class Optimizer:
    """torch.optim's SGD, Adam, RMSprop and Adagrad on the pair (w, b), in float64."""

    def __init__(self, kind, lr, options):
        self.kind, self.lr, self.t = kind, lr, 0
        defaults = {
            "sgd": {"momentum": 0.0, "dampening": 0.0, "nesterov": False},
            "adam": {"betas": (0.9, 0.999), "eps": 1e-8},
            "rmsprop": {"alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False},
            "adagrad": {"eps": 1e-10, "lr_decay": 0.0, "initial_accumulator_value": 0.0},
        }[kind]
        self.o = {**defaults, **options}
        self.buf = None
        self.m = np.zeros(2)
        self.v = np.zeros(2)
        self.gbar = np.zeros(2)
        self.sum = np.full(2, float(self.o.get("initial_accumulator_value", 0.0)))

    def step(self, theta, g):
        self.t += 1
        o, lr = self.o, self.lr
        if self.kind == "sgd":
            mu = o["momentum"]
            if mu == 0:
                return theta - lr * g
            self.buf = g.copy() if self.buf is None else mu * self.buf + (1 - o["dampening"]) * g
            d = g + mu * self.buf if o["nesterov"] else self.buf
            return theta - lr * d
        if self.kind == "adam":
            b1, b2 = o["betas"]
            self.m = b1 * self.m + (1 - b1) * g
            self.v = b2 * self.v + (1 - b2) * g * g
            mhat = self.m / (1 - b1**self.t)
            vhat = self.v / (1 - b2**self.t)
            return theta - lr * mhat / (np.sqrt(vhat) + o["eps"])
        if self.kind == "rmsprop":
            a = o["alpha"]
            self.v = a * self.v + (1 - a) * g * g
            vt = self.v
            if o["centered"]:
                self.gbar = a * self.gbar + (1 - a) * g
                vt = self.v - self.gbar**2
            if o["momentum"] > 0:
                self.buf = (0 if self.buf is None else o["momentum"] * self.buf) + g / (np.sqrt(vt) + o["eps"])
                return theta - lr * self.buf
            return theta - lr * g / (np.sqrt(vt) + o["eps"])
        clr = lr / (1 + (self.t - 1) * o["lr_decay"])
        self.sum = self.sum + g * g
        return theta - clr * g / (np.sqrt(self.sum) + o["eps"])


def reference_table(case):
    """(w, b, cost) before each update, batches in DataLoader order over each pass's order;
    like the lab, a run stops once the cost passes 1e100."""
    x, y = np.array(case["x"]), np.array(case["y"])
    n, size = len(x), case["batch_size"]
    options = {k: ast.literal_eval(v) for k, v in case["options"]}
    opt = Optimizer(case["optimizer"], case["lr"], options)
    theta = np.array([case["w0"], case["b0"]])
    per_pass = math.ceil(n / size)
    rows = []
    for k in range(case["iterations"]):
        cost = cost_and_grad(theta[0], theta[1], x, y)[0]
        if not (np.all(np.isfinite(theta)) and cost <= 1e100):
            break  # the lab stops a diverging run here
        rows.append((theta[0], theta[1], cost))
        p, j = divmod(k, per_pass)
        order = np.array(case["orders"][p]) if case["orders"] else np.arange(n)
        idx = order[j * size:(j + 1) * size]
        _, gw, gb = cost_and_grad(theta[0], theta[1], x[idx], y[idx])
        theta = opt.step(theta, np.array([gw, gb]))
    return rows


def data_reads_back(notebook, case):
    """The notebook's data cell, run alone, gives exactly the lab's float64 values."""
    import torch

    torch.set_default_dtype(torch.float64)
    scope = {"torch": torch}
    exec("".join(c.source for c in notebook.cells if c.get("id") == "data"), scope)
    return (scope["X"].flatten().tolist() == case["x"]
            and scope["Y"].flatten().tolist() == case["y"])


def printed_table(output):
    rows = []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].isdigit():
            rows.append(tuple(float(v) for v in parts[1:]))
    return rows


def main(folder):
    folder = Path(folder).resolve()
    cases = json.loads((folder / "cases.json").read_text())
    pytorch = json.loads((HERE / "pytorch_trajectories.json").read_text())
    failed = False
    for case in cases:
        name = case["name"]
        notebook = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        nbformat.validate(notebook)
        data_ok = data_reads_back(notebook, case)
        with tempfile.TemporaryDirectory() as scratch:
            env = {**os.environ, "MPLBACKEND": "Agg"}
            run = subprocess.run([sys.executable, str(folder / f"{name}.py")], cwd=scratch,
                                 env=env, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            print(f"{name}: the script failed\n{run.stderr}")
            failed = True
            continue
        ours = printed_table(run.stdout)
        if name == "default":
            expected = [tuple(r) for r in pytorch["cases"][0]["records_w_b_loss_before_update"]]
            source = "PyTorch float32 reference (tests/data/pytorch_trajectories.json)"
        else:
            expected = reference_table(case)
            source = "float64 numpy reference"
        worst = max(abs(a - e) / max(abs(e), 0.01)
                    for row, ref in zip(ours, expected) for a, e in zip(row, ref))
        ok = data_ok and len(ours) == len(expected) and worst <= TOLERANCE
        if case["lab_records"]:
            # The lab's own table: its rows before each update (a finished run adds the final).
            lab = [tuple(r) for r in case["lab_records"]][:case["iterations"]]
            lab_gap = max(abs(a - e) / max(abs(e), 0.01)
                          for row, ref in zip(ours, lab) for a, e in zip(row, ref))
            ok = ok and len(ours) == len(lab) and lab_gap <= TOLERANCE
            print(f"{name}: {len(lab)} rows in the lab's table; largest relative difference: "
                  f"{lab_gap:.2e}")
        failed |= not ok
        print(f"{name}: nbformat valid; data exact: {data_ok}; {len(ours)} rows printed, {len(expected)} expected; "
              f"largest relative difference from the {source}: {worst:.2e} "
              f"{'OK' if ok else 'FAIL'}")
        last = run.stdout.strip().splitlines()
        print("  " + "\n  ".join(line for line in last if line.startswith(("after", "largest"))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/tmp/export"))
