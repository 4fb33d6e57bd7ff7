"""Reference runs for editable formulas, from real PyTorch autograd.

Writes tests/data/torch_formulas.json: for each case, full-batch plain gradient descent on a
model and a cost written by hand in PyTorch (independently of the lab's parser and printer),
recording (w, b, loss) before each update and after the last, as pytorch_trajectories.json.
Float64 throughout, so a sign or a min that flips near a tie flips the same way in both.

Run: /work/venv/bin/python tests/data/torch_formulas.py
"""

import json
import pathlib

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def data():
    """The lab's grid of x (60 points from -3, step 0.1) and a noisy line y = x - 1."""
    x = -3.0 + 0.1 * np.arange(60)
    rng = np.random.default_rng(7)
    y = x - 1.0 + 0.3 * rng.standard_normal(60)
    return x, y


def line(w, b, x):
    return w * x + b


def square_model(w, b, x):
    return w * x**2 + b


def mse(yhat, y, n):
    return torch.mean((yhat - y) ** 2)


def mae(yhat, y, n):
    return torch.mean(torch.abs(yhat - y))


def huber(yhat, y, n):
    r = torch.abs(yhat - y)
    m = torch.minimum(r, torch.tensor(1.0))
    return torch.mean(0.5 * m**2 + r - m)


def scaled_mse(yhat, y, n):
    return 0.5 * torch.mean((yhat - y) ** 2)


def sum_over_n(yhat, y, n):
    return torch.sum((yhat - y) ** 2) / n


# name, model (the lab's syntax), cost (the lab's syntax), PyTorch model, PyTorch cost, lr, iterations
CASES = [
    ("mean-absolute-error", "w*x + b", "mean(abs(yhat - y))", line, mae, 0.5, 60),
    (
        "huber-with-min",
        "w*x + b",
        "mean(0.5*min(abs(yhat - y), 1)^2 + abs(yhat - y) - min(abs(yhat - y), 1))",
        line,
        huber,
        0.5,
        40,
    ),
    ("scaled-mse", "w*x + b", "0.5*mean((yhat - y)^2)", line, scaled_mse, 0.2, 20),
    ("quadratic-model", "w*x^2 + b", "mean((yhat - y)^2)", square_model, mse, 0.02, 30),
    ("default-typed-differently", "w*x + b", "sum((w*x+b-y)^2)/n", line, sum_over_n, 0.1, 15),
]


def run(model, cost, x, y, w0, b0, lr, iterations):
    w = torch.tensor(w0, requires_grad=True)
    b = torch.tensor(b0, requires_grad=True)
    n = len(x)
    records = []
    for _ in range(iterations):
        loss = cost(model(w, b, x), y, n)
        records.append([w.item(), b.item(), loss.item()])
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    with torch.no_grad():
        final = [w.item(), b.item(), cost(model(w, b, x), y, n).item()]
    return records, final


def main():
    x_np, y_np = data()
    x, y = torch.tensor(x_np), torch.tensor(y_np)
    cases = []
    for name, model_src, cost_src, model, cost, lr, iterations in CASES:
        w0, b0 = -15.0, -10.0
        records, final = run(model, cost, x, y, w0, b0, lr, iterations)
        cases.append(
            {
                "name": name,
                "model": model_src,
                "cost": cost_src,
                "x": x_np.tolist(),
                "y": y_np.tolist(),
                "w0": w0,
                "b0": b0,
                "lr": lr,
                "iterations": iterations,
                "records_w_b_loss_before_update": records,
                "final_w_b_loss": final,
            }
        )
    out = {"generator": f"PyTorch {torch.__version__}, float64, autograd", "cases": cases}
    path = pathlib.Path(__file__).with_name("torch_formulas.json")
    path.write_text(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
