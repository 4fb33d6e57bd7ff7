"""Times the original notebook's figures, run as a plain script with matplotlib's Agg backend.

The original lab is a Jupyter notebook: make data, draw it, draw the cost surface in 3D and as
contours, train 15 iterations drawing a data/parameter pair every third one, draw the path on
the surface, the contour and the cost curve, then the practice (lr 0.2, the same pairs, and
both cost curves on one chart): 17 figures in all, each saved as a PNG here.

Prints one JSON line: {"figures": 17, "draw_s": <seconds without imports>, "import_s": ...}.
`cargo xtask bench` runs it three times and takes the median, when this Python has torch and
matplotlib; the imports are timed apart and excluded from `draw_s`.
"""

import json
import os
import sys
import tempfile
import time

T0 = time.perf_counter()
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402
from mpl_toolkits import mplot3d  # noqa: E402,F401

IMPORT_S = time.perf_counter() - T0


class Surface:
    """The cost surface and the path, as the original draws them (its sign slip included)."""

    def __init__(self, w_range, b_range, X, Y, n_samples=30):
        w = torch.linspace(-w_range, w_range, n_samples)
        b = torch.linspace(-b_range, b_range, n_samples)
        self.w, self.b = torch.meshgrid(w, b, indexing="ij")
        self.Z = torch.zeros(n_samples, n_samples)
        for i in range(n_samples):
            for j in range(n_samples):
                yhat = self.w[i, j] * X - self.b[i, j]
                self.Z[i, j] = torch.mean((Y - yhat) ** 2)
        self.x, self.y = X, Y
        self.W, self.B, self.LOSS = [], [], []

    def set_para_loss(self, w, b, loss):
        self.W.append(w)
        self.B.append(b)
        self.LOSS.append(loss)

    def surface(self, out):
        fig = plt.figure()
        ax = fig.add_subplot(projection="3d")
        ax.plot_surface(self.w.numpy(), self.b.numpy(), self.Z.numpy(), cmap="viridis")
        ax.set_xlabel("w")
        ax.set_ylabel("b")
        out.save(fig)
        fig = plt.figure()
        plt.contour(self.w.numpy(), self.b.numpy(), self.Z.numpy())
        plt.xlabel("w")
        plt.ylabel("b")
        out.save(fig)

    def final_plot(self, out):
        fig = plt.figure()
        ax = fig.add_subplot(projection="3d")
        ax.plot_wireframe(self.w.numpy(), self.b.numpy(), self.Z.numpy())
        ax.scatter(self.W, self.B, self.LOSS, c="r", marker="x", s=200, alpha=1)
        out.save(fig)
        fig = plt.figure()
        plt.contour(self.w.numpy(), self.b.numpy(), self.Z.numpy())
        plt.scatter(self.W, self.B, c="r", marker="x")
        plt.xlabel("w")
        plt.ylabel("b")
        out.save(fig)

    def plot_ps(self, out, w, b, iteration):
        fig = plt.figure()
        plt.subplot(121)
        plt.plot(self.x.numpy(), self.y.numpy(), "ro", label="training points")
        plt.plot(self.x.numpy(), (w * self.x + b).numpy(), label="estimated line")
        plt.ylim((-10, 15))
        plt.title("Data Space Iteration: " + str(iteration))
        plt.subplot(122)
        plt.contour(self.w.numpy(), self.b.numpy(), self.Z.numpy())
        plt.scatter(self.W, self.B, c="r", marker="x")
        plt.title("Loss Surface Contour Iteration" + str(iteration))
        plt.xlabel("w")
        plt.ylabel("b")
        out.save(fig)


class Saver:
    """Saves each figure as a PNG and closes it, counting them."""

    def __init__(self, folder):
        self.folder, self.count = folder, 0

    def save(self, fig):
        self.count += 1
        fig.savefig(os.path.join(self.folder, f"figure-{self.count:02}.png"))
        plt.close(fig)


def train(X, Y, surface, lr, iterations, out):
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    losses = []
    for epoch in range(iterations):
        yhat = w * X + b
        loss = torch.mean((yhat - Y) ** 2)
        surface.set_para_loss(w.data.tolist(), b.data.tolist(), loss.tolist())
        if epoch % 3 == 0:
            surface.plot_ps(out, w.data, b.data, epoch)
        losses.append(loss.item())
        loss.backward()
        w.data = w.data - lr * w.grad.data
        b.data = b.data - lr * b.grad.data
        w.grad.data.zero_()
        b.grad.data.zero_()
    return losses


def figures(folder):
    """Everything the notebook draws, in its order."""
    out = Saver(folder)
    torch.manual_seed(0)
    X = torch.arange(-3, 3, 0.1).view(-1, 1)
    f = 1 * X - 1
    Y = f + 0.1 * torch.randn(X.size())
    fig = plt.figure()
    plt.plot(X.numpy(), Y.numpy(), "rx", label="y")
    plt.plot(X.numpy(), f.numpy(), label="f")
    plt.xlabel("x")
    plt.ylabel("y")
    plt.legend()
    out.save(fig)
    surface = Surface(15, 15, X, Y)
    surface.surface(out)
    loss = train(X, Y, surface, 0.1, 15, out)
    surface.final_plot(out)
    fig = plt.figure()
    plt.plot(loss)
    plt.tight_layout()
    plt.xlabel("Epoch/Iterations")
    plt.ylabel("Cost")
    out.save(fig)
    practice = Surface(15, 15, X, Y)
    loss2 = train(X, Y, practice, 0.2, 15, out)
    fig = plt.figure()
    plt.plot(loss, label="LOSS")
    plt.plot(loss2, label="LOSS2")
    plt.tight_layout()
    plt.xlabel("Epoch/Iterations")
    plt.ylabel("Cost")
    plt.legend()
    out.save(fig)
    return out.count


def main():
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        count = figures(folder)
        draw_s = time.perf_counter() - start
    print(json.dumps({"figures": count, "draw_s": draw_s, "import_s": IMPORT_S}))
    return 0 if count == 17 else 1


if __name__ == "__main__":
    sys.exit(main())
