"""Writes torch_optim.json: torch.optim runs on two data sets, every optimizer and option,
full batch and mini-batches (the last batch shorter), in float64.

Run from the repository root: `python tests/data/torch_optim.py` (needs torch). Each record is
(w, b, cost over all the points) before an update, as the lab records them, plus the final one.
Mini-batches come from DataLoader(shuffle=False), iterated again and again.
"""

import json
import math
import pathlib

import torch
from torch.utils.data import DataLoader, TensorDataset

HERE = pathlib.Path(__file__).parent
DTYPE = torch.float64
ITERATIONS = 40

# The optimizers with the lab's JavaScript field names, and how they map to torch's arguments.
OPTIMIZERS = [
    {"name": "sgd"},
    {"name": "sgd", "momentum": 0.9},
    {"name": "sgd", "momentum": 0.7, "dampening": 0.3},
    {"name": "sgd", "momentum": 0.8, "nesterov": True},
    {"name": "adam"},
    {"name": "adam", "beta1": 0.8, "beta2": 0.95, "eps": 1e-3},
    {"name": "rmsprop"},
    {"name": "rmsprop", "momentum": 0.5},
    {"name": "rmsprop", "alpha": 0.9, "centered": True},
    {"name": "rmsprop", "alpha": 0.8, "centered": True, "momentum": 0.3, "eps": 1e-4},
    {"name": "adagrad"},
    {"name": "adagrad", "lrDecay": 0.05},
    {"name": "adagrad", "initialAccumulatorValue": 0.5, "eps": 1e-3},
]

# Learning rate per optimizer and data set: moving, converging or not, never overflowing.
LR = {
    "lab": {"sgd": 0.05, "adam": 0.5, "rmsprop": 0.1, "adagrad": 2.0},
    "wide": {"sgd": 0.004, "adam": 0.3, "rmsprop": 0.05, "adagrad": 1.5},
}


def torch_optimizer(spec, params, lr):
    """The torch.optim object for one of OPTIMIZERS."""
    f = dict(spec)
    name = f.pop("name")
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, **f)
    if name == "adam":
        betas = (f.pop("beta1", 0.9), f.pop("beta2", 0.999))
        return torch.optim.Adam(params, lr=lr, betas=betas, **f)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, **f)
    args = {
        "eps": f.pop("eps", 1e-10),
        "lr_decay": f.pop("lrDecay", 0.0),
        "initial_accumulator_value": f.pop("initialAccumulatorValue", 0.0),
    }
    assert not f, f
    return torch.optim.Adagrad(params, lr=lr, **args)


def batches_forever(x, y, batch_size):
    """DataLoader(shuffle=False) batches, the loader iterated again after each pass."""
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=False)
    while True:
        yield from loader


def run(x, y, spec, lr, batch_size, w0, b0):
    """Records (w, b, full cost) before every update, and the final one."""
    w = torch.tensor(w0, dtype=DTYPE, requires_grad=True)
    b = torch.tensor(b0, dtype=DTYPE, requires_grad=True)
    opt = torch_optimizer(spec, [w, b], lr)
    batches = batches_forever(x, y, batch_size or len(x))
    records = []
    for _ in range(ITERATIONS):
        xb, yb = next(batches)
        with torch.no_grad():
            full = ((w * x + b - y) ** 2).mean()
        records.append([w.item(), b.item(), full.item()])
        opt.zero_grad()
        loss = ((w * xb + b - yb) ** 2).mean()
        loss.backward()
        opt.step()
    with torch.no_grad():
        full = ((w * x + b - y) ** 2).mean()
    final = [w.item(), b.item(), full.item()]
    assert all(math.isfinite(v) for r in records + [final] for v in r)
    return records, final


def data_sets():
    """The lab's 60 points (from the seed lab's reference), and 45 wider points of our own."""
    lab = json.loads((HERE / "pytorch_trajectories.json").read_text())["cases"][0]
    gen = torch.Generator().manual_seed(7)
    xw = torch.linspace(0.0, 8.0, 45, dtype=DTYPE)
    yw = 0.5 * xw - 2.0 + 0.8 * torch.randn(45, generator=gen, dtype=DTYPE)
    return [
        ("lab", torch.tensor(lab["x"], dtype=DTYPE), torch.tensor(lab["y"], dtype=DTYPE), 7, (-15.0, -10.0)),
        ("wide", xw, yw, 8, (3.0, 4.0)),
    ]


def main():
    cases = []
    for set_name, x, y, batch, (w0, b0) in data_sets():
        for spec in OPTIMIZERS:
            for batch_size in (None, batch):
                lr = LR[set_name][spec["name"]]
                records, final = run(x, y, spec, lr, batch_size, w0, b0)
                label = ",".join(f"{k}={v}" for k, v in spec.items() if k != "name")
                cases.append({
                    "name": f"{set_name} {spec['name']}({label}) B={batch_size or len(x)}",
                    "x": x.tolist(), "y": y.tolist(), "w0": w0, "b0": b0, "lr": lr,
                    "iterations": ITERATIONS, "optimizer": spec, "batch_size": batch_size,
                    "records_w_b_loss_before_update": records, "final_w_b_loss": final,
                })
    out = {
        "generator": f"PyTorch {torch.__version__}, float64, tests/data/torch_optim.py",
        "cases": cases,
    }
    (HERE / "torch_optim.json").write_text(json.dumps(out))
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
