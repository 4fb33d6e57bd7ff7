//! The Python of the notebook's first half: imports, data, model, training and the table.

use super::state::ExportState;
use super::text::{float, float_list, py_float};

/// Numbers per line in the data's list literals.
const PER_LINE: usize = 6;

/// The imports: torch, numpy and matplotlib only (and the standard library's `math`).
pub fn imports() -> String {
    "import math\n\
     \n\
     import matplotlib\n\
     import matplotlib.pyplot as plt\n\
     import numpy as np\n\
     import torch\n\
     from torch.utils.data import DataLoader, TensorDataset\n\
     \n\
     # float64 like the lab, so the numbers agree to many digits.\n\
     torch.set_default_dtype(torch.float64)"
        .into()
}

/// The data as literal values, as column vectors like the seed lab's.
pub fn data(state: &ExportState) -> String {
    format!(
        "X = torch.tensor([\n{}\n]).view(-1, 1)\n\
         Y = torch.tensor([\n{}\n]).view(-1, 1)\n\
         N = len(X)",
        float_list(&state.x, PER_LINE),
        float_list(&state.y, PER_LINE),
    )
}

/// `forward` and `criterion` from the state's formulas.
pub fn model(state: &ExportState) -> String {
    format!(
        "def forward(x, w, b):\n    \
             \"\"\"The model's prediction yhat for inputs x.\"\"\"\n    \
             return {}\n\
         \n\
         \n\
         def criterion(yhat, y, w, b):\n    \
             \"\"\"The cost of predictions yhat against targets y (n points).\"\"\"\n    \
             n = y.shape[0]\n    \
             return {}",
        state.model, state.cost
    )
}

/// The run's settings, the parameters and the optimizer.
pub fn setup(state: &ExportState) -> String {
    let mut lines = vec![
        format!("W0 = {}", float(state.w0)),
        format!("B0 = {}", float(state.b0)),
        format!("LR = {}", float(state.lr)),
        format!("ITERATIONS = {}", state.iterations),
        format!("BATCH_SIZE = {}", state.effective_batch()),
    ];
    if !state.orders.is_empty() {
        lines.push(format!("ORDERS = [\n{}\n]", orders(state)));
    }
    let mut args = vec!["[w, b]".to_string(), "lr=LR".to_string()];
    args.extend(
        state
            .optimizer_options
            .iter()
            .map(|(k, v)| format!("{k}={v}")),
    );
    lines.push(String::new());
    lines.push("w = torch.tensor(W0, requires_grad=True)".into());
    lines.push("b = torch.tensor(B0, requires_grad=True)".into());
    lines.push(format!(
        "optimizer = torch.optim.{}({})",
        state.optimizer.torch_class(),
        args.join(", ")
    ));
    lines.join("\n")
}

fn orders(state: &ExportState) -> String {
    state
        .orders
        .iter()
        .take(state.passes())
        .map(|order| {
            let items: Vec<String> = order.iter().map(usize::to_string).collect();
            format!("    [{}],", items.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The batches generator and the seed's `train_model` loop, then the run itself.
pub fn train(state: &ExportState) -> String {
    let dataset = if state.orders.is_empty() {
        "        dataset = TensorDataset(X, Y)"
    } else {
        "        order = ORDERS[pass_index]\n        dataset = TensorDataset(X[order], Y[order])"
    };
    format!(
        "def batches():\n    \
             \"\"\"The batches in DataLoader order (shuffle=False), pass after pass.\"\"\"\n    \
             pass_index = 0\n    \
             while True:\n\
         {dataset}\n        \
                 for xb, yb in DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=False):\n            \
                     yield xb, yb\n        \
                 pass_index += 1\n\
         \n\
         \n\
         def full_cost(w, b):\n    \
             \"\"\"The cost over all the points, as a float.\"\"\"\n    \
             with torch.no_grad():\n        \
                 return criterion(forward(X, w, b), Y, w, b).item()\n\
         \n\
         \n\
         LOSS = []  # the cost before each update\n\
         PATH = []  # (w, b, cost) before each update\n\
         \n\
         \n\
         def train_model(iterations):\n    \
             batch = batches()\n    \
             for epoch in range(iterations):\n        \
                 cost = full_cost(w, b)\n        \
                 if not (math.isfinite(w.item()) and math.isfinite(b.item()) and cost <= 1e100):\n            \
                     # Where the lab stops a diverging run: squares would soon overflow.\n            \
                     print(f\"diverged: stopped before iteration {{epoch}}, the cost passed 1e100\")\n            \
                     break\n        \
                 PATH.append((w.item(), b.item(), cost))\n        \
                 LOSS.append(cost)\n        \
                 xb, yb = next(batch)\n        \
                 loss = criterion(forward(xb, w, b), yb, w, b)\n        \
                 optimizer.zero_grad()\n        \
                 loss.backward()\n        \
                 optimizer.step()\n\
         \n\
         \n\
         train_model(ITERATIONS)\n\
         FINAL = (w.item(), b.item(), full_cost(w, b))"
    )
}

/// The printed table, and the comparison with the lab's own table when it is given.
pub fn table(state: &ExportState) -> String {
    let mut text = String::from(
        "print(f\"{'iteration':>9}  {'w':>24}  {'b':>24}  {'cost':>24}\")\n\
         for i, (w_i, b_i, cost_i) in enumerate(PATH):\n    \
             print(f\"{i:>9}  {w_i!r:>24}  {b_i!r:>24}  {cost_i!r:>24}\")\n\
         print(f\"after {len(PATH)} updates: w = {FINAL[0]!r}, b = {FINAL[1]!r}, \
         cost = {FINAL[2]!r}\")",
    );
    if !state.records.is_empty() {
        let rows: Vec<String> = state
            .records
            .iter()
            .map(|r| {
                format!(
                    "    ({}, {}, {}),",
                    py_float(r.w),
                    py_float(r.b),
                    py_float(r.cost)
                )
            })
            .collect();
        text.push_str(&format!(
            "\n\n# The lab's table, to compare: relative to max(|lab|, 0.01).\n\
             LAB_TABLE = [\n{}\n]\n\
             gaps = [abs(ours - lab) / max(abs(lab), 0.01)\n        \
                     for row, lab_row in zip(PATH, LAB_TABLE) for ours, lab in zip(row, lab_row)]\n\
             print(f\"largest difference from the lab's table: {{max(gaps):.2e}}\")",
            rows.join("\n")
        ));
    }
    text
}
