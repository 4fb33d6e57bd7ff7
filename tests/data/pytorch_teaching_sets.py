"""Writes pytorch_teaching_sets.json: PyTorch trains on the lab's teaching data sets.

Input: teaching_sets_points.json beside this file (the sets' points as the lab makes them,
written by `GD_LAB_WRITE_POINTS=1 cargo test --test teaching_reference`). For each case, PyTorch
(float32) runs the lab's training loop: predict, cost, record (w, b, cost), backward, update,
zero the gradients. A standardized case first maps x to (x - mean) / std with the population
std, computed by PyTorch. The Hessian's eigenvalues come from autograd in float64.

Run: /path/to/venv/bin/python tests/data/pytorch_teaching_sets.py
"""

import json
import pathlib

import torch

HERE = pathlib.Path(__file__).parent

# (set, standardized, learning rate, iterations): the far set below and just above its
# critical rate (about 0.00582), and standardized at the lab's rate.
CASES = [
    ("lab", False, 0.1, 15),
    ("steep", False, 0.1, 15),
    ("outliers", False, 0.1, 15),
    ("few", False, 0.1, 15),
    ("far", False, 0.005, 30),
    ("far", False, 0.0059, 30),
    ("far", True, 0.1, 30),
]


def train(x, y, lr, iterations, w0=-15.0, b0=-10.0):
    w = torch.tensor(w0, dtype=torch.float32, requires_grad=True)
    b = torch.tensor(b0, dtype=torch.float32, requires_grad=True)
    records = []
    for _ in range(iterations):
        loss = torch.mean((w * x + b - y) ** 2)
        records.append([w.item(), b.item(), loss.item()])
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    with torch.no_grad():
        final = [w.item(), b.item(), torch.mean((w * x + b - y) ** 2).item()]
    return records, final


def hessian_eigenvalues(x, y):
    x64, y64 = x.double(), y.double()

    def cost(p):
        return torch.mean((p[0] * x64 + p[1] - y64) ** 2)

    h = torch.autograd.functional.hessian(cost, torch.zeros(2, dtype=torch.float64))
    return torch.linalg.eigvalsh(h).tolist()


def main():
    sets = {s["name"]: s for s in json.loads((HERE / "teaching_sets_points.json").read_text())["sets"]}
    cases = []
    for name, standardized, lr, iterations in CASES:
        x = torch.tensor(sets[name]["x"], dtype=torch.float32)
        y = torch.tensor(sets[name]["y"], dtype=torch.float32)
        if standardized:
            x = (x - x.mean()) / x.std(unbiased=False)
        records, final = train(x, y, lr, iterations)
        cases.append({
            "name": f"{name}{'-standardized' if standardized else ''}-lr{lr}",
            "set": name,
            "standardized": standardized,
            "x": x.tolist(),
            "y": y.tolist(),
            "w0": -15.0,
            "b0": -10.0,
            "lr": lr,
            "iterations": iterations,
            "records_w_b_loss_before_update": records,
            "final_w_b_loss": final,
            "hessian_eigenvalues": hessian_eigenvalues(x, y),
        })
    out = {"generator": f"tests/data/pytorch_teaching_sets.py, PyTorch {torch.__version__}, float32", "cases": cases}
    (HERE / "pytorch_teaching_sets.json").write_text(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
