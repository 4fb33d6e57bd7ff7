"""Writes pytorch_trajectories.json beside this file: the lab's training loop run in PyTorch.

The reference the engine is tested against (tests/model_reference.rs): the lab's data, made
by PyTorch's generator with seed 0, and two runs of the lab's own loop in float32, full-batch
gradient descent from (w, b) = (-15, -10) for 15 iterations, recording (w, b, cost) before
each update: the lab run (lr 0.1) and the practice run (lr 0.2). The lab run also holds the
true cost on the 30 x 30 grid the lab draws (rows are b, columns are w, both from -15 to 15).

Run with a Python that has torch:    python tests/data/pytorch_trajectories.py
Check the committed file instead:    python tests/data/pytorch_trajectories.py --check
The tests read only the JSON; they need no Python.
"""

import json
import math
import sys
from pathlib import Path

import torch

OUT = Path(__file__).with_name("pytorch_trajectories.json")
W0, B0, ITERATIONS = -15.0, -10.0, 15
# --check accepts what float32 arithmetic may vary by between builds of PyTorch.
CHECK_RELATIVE = 1e-5


def make_data():
    """x from -3 up to 3 by 0.1; y = x - 1 plus noise 0.1 * N(0, 1), seed 0."""
    torch.manual_seed(0)
    x = torch.arange(-3, 3, 0.1).view(-1, 1)
    y = 1 * x - 1 + 0.1 * torch.randn(x.size())
    return x, y


def cost(yhat, y):
    return torch.mean((yhat - y) ** 2)


def train(x, y, lr):
    """The lab's loop: predict, cost, record, back-propagate, update, zero the gradients."""
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    records = []
    for _ in range(ITERATIONS):
        loss = cost(w * x + b, y)
        records.append([w.item(), b.item(), loss.item()])
        loss.backward()
        w.data = w.data - lr * w.grad.data
        w.grad.data.zero_()
        b.data = b.data - lr * b.grad.data
        b.grad.data.zero_()
    with torch.no_grad():
        final = [w.item(), b.item(), cost(w * x + b, y).item()]
    return records, final


def grid(x, y):
    """The true cost, mean((y - (w x + b))^2), on the lab's 30 x 30 grid."""
    ws = torch.linspace(-15, 15, 30)
    bs = torch.linspace(-15, 15, 30)
    with torch.no_grad():
        rows = [[cost(w * x + b, y).item() for w in ws] for b in bs]
    return {"w": ws.tolist(), "b": bs.tolist(), "loss_rows_b_cols_w": rows}


def build():
    x, y = make_data()
    cases = []
    for name, lr, with_grid in [("seed-lab-lr0.1", 0.1, True), ("seed-practice-lr0.2", 0.2, False)]:
        records, final = train(x, y, lr)
        case = {
            "name": name,
            "x": x.view(-1).tolist(),
            "y": y.view(-1).tolist(),
            "w0": W0,
            "b0": B0,
            "lr": lr,
            "iterations": ITERATIONS,
            "records_w_b_loss_before_update": records,
            "final_w_b_loss": final,
        }
        if with_grid:
            case["grid"] = grid(x, y)
        cases.append(case)
    generator = f"PyTorch {torch.__version__}, float32, the seed lab's train_model"
    return {"generator": generator, "cases": cases}


def differences(ours, theirs, path="$"):
    """Every place where two JSON values differ by more than float32 noise."""
    if isinstance(theirs, dict):
        if not isinstance(ours, dict) or ours.keys() != theirs.keys():
            return [f"{path}: keys differ"]
        return [d for k in theirs for d in differences(ours[k], theirs[k], f"{path}.{k}")]
    if isinstance(theirs, list):
        if not isinstance(ours, list) or len(ours) != len(theirs):
            return [f"{path}: lengths differ"]
        return [d for i, (a, b) in enumerate(zip(ours, theirs)) for d in differences(a, b, f"{path}[{i}]")]
    if isinstance(theirs, float):
        scale = max(abs(theirs), 0.01)
        if not math.isclose(ours, theirs, rel_tol=0, abs_tol=CHECK_RELATIVE * scale):
            return [f"{path}: {ours} here, {theirs} in the file"]
        return []
    return [] if ours == theirs or path.endswith(".generator") else [f"{path}: {ours!r} vs {theirs!r}"]


def main():
    data = build()
    if "--check" in sys.argv[1:]:
        found = differences(data, json.loads(OUT.read_text()))
        for line in found[:20]:
            print(line)
        print(f"{len(found)} difference(s) from {OUT.name}")
        sys.exit(1 if found else 0)
    OUT.write_text(json.dumps(data))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
