# expect: strict=deny standard=allow audit=allow
import numpy as np

rng = np.random.default_rng(0)
data = rng.normal(loc=10, scale=2, size=1000)
print(f"mean={data.mean():.2f} std={data.std():.2f}")
hist, edges = np.histogram(data, bins=5)
print(hist, np.round(edges, 1))
