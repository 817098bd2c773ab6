# expect: strict=deny standard=allow audit=allow
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(x)


model = Net()
model.eval()
with torch.no_grad():
    print(model(torch.randn(1, 4)))
