//! The Python of the notebook's figures: the seed lab's figures with its defects fixed (the
//! true cost surface, both panels of a pair at the same iteration, the path on the surface).

use crate::app::config::TRAIN_PANELS;

/// The figure cells, as (id, source), in order.
pub fn cells() -> Vec<(&'static str, String)> {
    vec![
        ("grid", grid()),
        ("fig-data", data()),
        ("fig-surface", surface()),
        ("fig-panels", panels()),
        ("fig-results", results()),
        ("show", show()),
    ]
}

/// The true cost on a 30 × 30 grid that holds −15..15 and the whole path.
fn grid() -> String {
    "def span(values, lo, hi):\n    \
         \"\"\"lo..hi, widened to hold every finite value.\"\"\"\n    \
         finite = [v for v in values if np.isfinite(v)]\n    \
         return min([lo] + finite), max([hi] + finite)\n\
     \n\
     \n\
     W_LO, W_HI = span([p[0] for p in PATH] + [FINAL[0]], -15.0, 15.0)\n\
     B_LO, B_HI = span([p[1] for p in PATH] + [FINAL[1]], -15.0, 15.0)\n\
     W_GRID = np.linspace(W_LO, W_HI, 30)\n\
     B_GRID = np.linspace(B_LO, B_HI, 30)\n\
     # Rows are b, columns are w, as numpy's meshgrid makes them.\n\
     WW, BB = np.meshgrid(W_GRID, B_GRID)\n\
     COST = np.array([[full_cost(torch.tensor(wg), torch.tensor(bg)) for wg in W_GRID]\n                 \
                      for bg in B_GRID])\n\
     XS = torch.linspace(X.min().item(), X.max().item(), 100).view(-1, 1)\n\
     \n\
     \n\
     def line(w_value, b_value):\n    \
         \"\"\"The model's prediction over XS for the given parameters.\"\"\"\n    \
         with torch.no_grad():\n        \
             yhat = forward(XS, torch.tensor(w_value), torch.tensor(b_value))\n        \
             return torch.broadcast_to(yhat, XS.shape).numpy()"
        .into()
}

fn data() -> String {
    "fig, ax = plt.subplots(figsize=(6, 4.5))\n\
     ax.plot(X.numpy(), Y.numpy(), \"rx\", label=\"data\")\n\
     ax.plot(XS.numpy(), line(FINAL[0], FINAL[1]), label=f\"after {ITERATIONS} updates\")\n\
     ax.set_xlabel(\"x\")\n\
     ax.set_ylabel(\"y\")\n\
     ax.set_title(\"The data and the trained model\")\n\
     ax.legend()"
        .into()
}

fn surface() -> String {
    "fig = plt.figure(figsize=(12, 5))\n\
     ax = fig.add_subplot(1, 2, 1, projection=\"3d\")\n\
     ax.plot_surface(WW, BB, COST, cmap=\"viridis\")\n\
     ax.set_xlabel(\"w\")\n\
     ax.set_ylabel(\"b\")\n\
     ax.set_zlabel(\"cost\")\n\
     ax.set_title(\"Cost surface\")\n\
     ax = fig.add_subplot(1, 2, 2)\n\
     contours = ax.contour(WW, BB, COST, levels=30, cmap=\"viridis\")\n\
     fig.colorbar(contours, ax=ax, label=\"cost\")\n\
     ax.set_xlabel(\"w\")\n\
     ax.set_ylabel(\"b\")\n\
     ax.set_title(\"Cost contours\")"
        .into()
}

fn panels() -> String {
    let list: Vec<String> = TRAIN_PANELS.iter().map(usize::to_string).collect();
    format!(
        "# Data space and parameter space of the same iteration, counted from 0.\n\
         Y_LO = min(-10.0, Y.min().item())\n\
         Y_HI = max(15.0, Y.max().item())\n\
         for it in [i for i in ({}) if i < len(PATH)]:\n    \
             w_i, b_i, cost_i = PATH[it]\n    \
             fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))\n    \
             left.plot(X.numpy(), Y.numpy(), \"ro\", label=\"data\")\n    \
             left.plot(XS.numpy(), line(w_i, b_i), label=\"model\")\n    \
             left.set_ylim(Y_LO, Y_HI)\n    \
             left.set_xlabel(\"x\")\n    \
             left.set_ylabel(\"y\")\n    \
             left.set_title(f\"Data space, iteration {{it}}\")\n    \
             left.legend()\n    \
             right.contour(WW, BB, COST, levels=30, cmap=\"viridis\")\n    \
             right.plot([p[0] for p in PATH[:it + 1]], [p[1] for p in PATH[:it + 1]], \"rx\")\n    \
             right.set_xlabel(\"w\")\n    \
             right.set_ylabel(\"b\")\n    \
             right.set_title(f\"Parameter space, iteration {{it}}\")",
        list.join(", ")
    )
}

fn results() -> String {
    "PATH_W = [p[0] for p in PATH]\n\
     PATH_B = [p[1] for p in PATH]\n\
     fig = plt.figure(figsize=(12, 5))\n\
     ax = fig.add_subplot(1, 2, 1, projection=\"3d\")\n\
     ax.plot_wireframe(WW, BB, COST, color=\"0.6\", linewidth=0.5)\n\
     ax.plot(PATH_W, PATH_B, LOSS, \"rx\")\n\
     ax.set_xlabel(\"w\")\n\
     ax.set_ylabel(\"b\")\n\
     ax.set_zlabel(\"cost\")\n\
     ax.set_title(\"The path on the cost surface\")\n\
     ax = fig.add_subplot(1, 2, 2)\n\
     ax.contour(WW, BB, COST, levels=30, cmap=\"viridis\")\n\
     ax.plot(PATH_W, PATH_B, \"rx\")\n\
     ax.set_xlabel(\"w\")\n\
     ax.set_ylabel(\"b\")\n\
     ax.set_title(\"The path on the contours\")\n\
     \n\
     fig, ax = plt.subplots(figsize=(6, 4.5))\n\
     ax.plot(LOSS)\n\
     ax.set_xlabel(\"Iteration\")\n\
     ax.set_ylabel(\"Cost\")\n\
     ax.set_title(\"Cost before each update\")"
        .into()
}

/// Shows the figures; where matplotlib has no window (a script on a server), saves them.
fn show() -> String {
    "if matplotlib.get_backend().lower() == \"agg\":\n    \
         for number in plt.get_fignums():\n        \
             plt.figure(number).savefig(f\"gd-lab-figure-{number}.png\")\n    \
         print(f\"saved {len(plt.get_fignums())} figures as gd-lab-figure-N.png\")\n\
     else:\n    \
         plt.show()"
        .into()
}
