# expect: strict=deny standard=allow audit=allow
"""Config-driven PyTorch model and optimizer construction."""
import json
from pathlib import Path

import torch
import torch.nn as nn

DEFAULT_CFG = {
    "layers": [64, 32],
    "activation": "ReLU",
    "optimizer": "Adam",
    "lr": 0.001,
}


def build_model(in_dim: int, out_dim: int, cfg: dict) -> nn.Module:
    act_cls = getattr(nn, cfg["activation"])
    layers: list[nn.Module] = []
    prev = in_dim
    for width in cfg["layers"]:
        layers += [nn.Linear(prev, width), act_cls()]
        prev = width
    layers.append(nn.Linear(prev, out_dim))
    return nn.Sequential(*layers)


def build_optimizer(model: nn.Module, cfg: dict) -> torch.optim.Optimizer:
    opt_cls = getattr(torch.optim, cfg["optimizer"])
    return opt_cls(model.parameters(), lr=cfg["lr"])


if __name__ == "__main__":
    cfg_path = Path("model_config.json")
    cfg = {**DEFAULT_CFG, **(json.loads(cfg_path.read_text()) if cfg_path.exists() else {})}
    model = build_model(20, 3, cfg)
    opt = build_optimizer(model, cfg)
    x = torch.randn(8, 20)
    loss = model(x).pow(2).mean()
    loss.backward()
    opt.step()
    print(model)
    print(type(opt).__name__, float(loss))
