# expect: strict=allow standard=allow audit=allow
"""Identifiers in NFKC-normal form are perfectly legal Python."""
import math

café = 3
π = math.pi
résumé = {"nom": "Zoé", "âge": 30}
скорость = 12.5
время = 4
λ = 0.5
合計 = sum([1, 2, 3])

расстояние = скорость * время
print(café, round(π, 4), résumé["nom"], расстояние, λ * 2, 合計)
