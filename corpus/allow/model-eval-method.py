# expect: strict=allow standard=allow audit=allow
"""PyTorch-style training loop skeleton without torch."""


class TinyModel:
    def __init__(self) -> None:
        self.training = True
        self.weight = 0.0

    def train(self, mode: bool = True) -> "TinyModel":
        self.training = mode
        return self

    def eval(self) -> "TinyModel":
        return self.train(False)

    def __call__(self, x: float) -> float:
        return self.weight * x


model = TinyModel()
for epoch in range(3):
    model.train()
    model.weight += 0.5
model.eval()
print("training:", model.training, "prediction:", model(4.0))
